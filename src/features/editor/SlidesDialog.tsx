import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useEditor } from '../../app/app-context';
import type { JourneyParts } from '../../domain/queries';
import { cardsOnNoSlide, MIN_TEXT_PT, type SlideDeck } from '../../export/slide-layout';
import { exportPdf, exportPngZip, exportPptx, slideDeck, slideToSvg, type PageSize } from '../../export/slide-exports';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { LaneVisibilityFields } from './LaneVisibilityFields';
import { keepSlideOptions, readSlideOptions, type KeptSlideOptions } from './slide-options';

/** Slides of a journey: how they are cut, a preview of every slide, then PowerPoint, PDF or PNGs. */
export default function SlidesDialog({ parts, onClose }: { parts: JourneyParts; onClose: () => void }) {
  const { t } = useTranslation();
  const { localShareStorage: storage } = useApp();
  const collapsed = useEditor((s) => s.collapsedLanes);
  const journeyId = parts.journey.id;
  const [options, setOptions] = useState<KeptSlideOptions>(() => readSlideOptions(storage, journeyId));
  const set = (change: Partial<KeptSlideOptions>) => setOptions((o) => ({ ...o, ...change }));
  const ids = { perSlide: useId(), page: useId(), text: useId() };
  const auto = useMemo(
    () => slideDeck(parts, { ...options, stagesPerSlide: undefined, collapsed }).stagesPerSlide,
    [parts, options, collapsed],
  );
  const deck: SlideDeck = useMemo(
    () => slideDeck(parts, { ...options, stagesPerSlide: options.perSlide ?? undefined, collapsed }),
    [parts, options, collapsed],
  );
  const previews = useMemo(
    () => deck.slides.map((s) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(slideToSvg(s))}`),
    [deck],
  );
  const leftOut = cardsOnNoSlide(parts, deck).length;
  // The dialog stays open, so the same slides can go out in another format; its progress and
  // result are said inside it. The options are kept for this journey's next slides.
  const [progress, setProgress] = useState<{ state: 'working' | 'done' | 'failed'; count: number } | null>(null);
  const run = (write: () => Promise<void>) => {
    keepSlideOptions(storage, journeyId, options);
    const count = deck.slides.length;
    setProgress({ state: 'working', count });
    write()
      .then(() => setProgress({ state: 'done', count }))
      .catch(() => setProgress({ state: 'failed', count }));
  };
  const working = progress?.state === 'working';

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('slides.title')} description={t('slides.explain')} wide>
      <div className="form">
        <div className="slides-options">
          <div className="form__cell">
            <label htmlFor={ids.perSlide}>{t('slides.perSlide')}</label>
            <select
              id={ids.perSlide}
              className="input"
              value={options.perSlide ?? 'auto'}
              aria-describedby={ids.text}
              onChange={(e) => set({ perSlide: e.target.value === 'auto' ? null : Number(e.target.value) })}
            >
              <option value="auto">{t('slides.auto', { count: auto })}</option>
              {parts.stages.map((_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
          <div className="form__cell">
            <label htmlFor={ids.page}>{t('slides.pageSize')}</label>
            <select
              id={ids.page}
              className="input"
              value={options.pageSize}
              onChange={(e) => set({ pageSize: e.target.value as PageSize })}
            >
              <option value="wide">{t('slides.pageWide')}</option>
              <option value="a4">{t('slides.pageA4')}</option>
              <option value="a3">{t('slides.pageA3')}</option>
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={options.fullText} onChange={(e) => set({ fullText: e.target.checked })} />
            {t('slides.fullText')}
          </label>
        </div>
        <LaneVisibilityFields parts={parts} value={options} onChange={set} />
        <p id={ids.text} className={deck.textPt < MIN_TEXT_PT ? 'field__problem' : 'field__hint'} role="status">
          {t('slides.count', { count: deck.slides.length })} ·{' '}
          {t(deck.textPt < MIN_TEXT_PT ? 'slides.textSmall' : 'slides.textSize', { pt: deck.textPt })}
          {leftOut > 0 && <> · {t('slides.leftOut', { count: leftOut })}</>}
        </p>
        <ol className="slides-preview" aria-label={t('slides.preview')}>
          {previews.map((src, i) => (
            <li key={i}>
              <figure>
                <img src={src} alt={t('slides.slideAlt', { n: i + 1, of: previews.length })} loading="lazy" />
                <figcaption>{i + 1}</figcaption>
              </figure>
            </li>
          ))}
        </ol>
        <div className="dialog__actions dialog__actions--start">
          <button
            type="button"
            className="button button--primary"
            disabled={working}
            onClick={() => run(() => exportPptx(parts, deck))}
          >
            {t('slides.pptx')}
          </button>
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => run(() => exportPdf(parts, deck, options.pageSize))}
          >
            {t('slides.pdf')}
          </button>
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => run(() => exportPngZip(parts, deck))}
          >
            {t('slides.png')}
          </button>
        </div>
        <p className={progress?.state === 'failed' ? 'field__problem' : 'field__hint'} aria-live="polite">
          {progress && t(`slides.${progress.state}`, { count: progress.count })}
        </p>
        <DialogButtons cancel={t('slides.close')} />
      </div>
    </Dialog>
  );
}
