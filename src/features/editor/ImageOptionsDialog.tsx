import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyParts } from '../../domain/queries';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { withExports, type JourneyExports } from './load-exports';
import { useApp, useEditor } from '../../app/app-context';
import { LaneVisibilityFields } from './LaneVisibilityFields';
import { imageOptions, keepImageOptions, keptRange, readImageOptions, type KeptImageOptions } from './image-options';

function StageSelect({
  label,
  stages,
  value,
  onChange,
}: {
  label: string;
  stages: JourneyParts['stages'];
  value: number;
  onChange: (i: number) => void;
}) {
  const id = useId();
  return (
    <div className="form__cell">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {stages.map((s, i) => (
          <option key={s.id} value={i}>{`${i + 1}. ${s.name}`}</option>
        ))}
      </select>
    </div>
  );
}

/** Scale, background and a range of stages (one slide per stage), then download or copy. */
export default function ImageOptionsDialog({ parts, onClose }: { parts: JourneyParts; onClose: () => void }) {
  const { t } = useTranslation();
  const { toasts, localShareStorage: storage } = useApp();
  const journeyId = parts.journey.id;
  // Opened as the last export of this journey left them.
  const [kept] = useState(() => readImageOptions(storage, journeyId));
  const [scale, setScale] = useState<1 | 2 | 3>(kept.scale);
  const [transparent, setTransparent] = useState(kept.transparent);
  const [dark, setDark] = useState(kept.dark);
  const [fullText, setFullText] = useState(kept.fullText);
  const [from, setFrom] = useState(() => keptRange(kept, parts.stages)[0]);
  const [to, setTo] = useState(() => keptRange(kept, parts.stages)[1]);
  const [lanes, setLanes] = useState({
    hideEmpty: kept.hideEmpty,
    hideCollapsed: kept.hideCollapsed,
    hiddenKinds: kept.hiddenKinds,
  });
  const collapsed = useEditor((s) => s.collapsedLanes);
  const ids = { scale: useId(), bg: useId(), fullText: useId() };
  const next: KeptImageOptions = {
    scale,
    transparent,
    dark,
    fullText,
    from: parts.stages[Math.min(from, to)]?.id ?? null,
    to: parts.stages[Math.max(from, to)]?.id ?? null,
    ...lanes,
  };
  const options = imageOptions(next, parts.stages, collapsed);
  // The dialog closes as the export starts, so its progress and result messages are heard; the
  // options are kept, so Export › PNG image or SVG image exports the same way next time.
  const run = (action: (m: JourneyExports) => unknown) => {
    keepImageOptions(storage, journeyId, next);
    onClose();
    withExports(toasts, action);
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('export.optionsTitle')}>
      <div className="form">
        <label htmlFor={ids.scale}>{t('export.scale')}</label>
        <select
          id={ids.scale}
          className="input"
          value={scale}
          onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 3)}
        >
          {[1, 2, 3].map((s) => (
            <option key={s} value={s}>{`${s}×`}</option>
          ))}
        </select>
        <label htmlFor={ids.bg}>{t('export.background')}</label>
        <select
          id={ids.bg}
          className="input"
          value={transparent ? 'transparent' : 'white'}
          onChange={(e) => setTransparent(e.target.value === 'transparent')}
        >
          <option value="white">{t('export.white')}</option>
          <option value="transparent">{t('export.transparent')}</option>
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} />
          {t('export.darkPalette')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={fullText}
            aria-describedby={ids.fullText}
            onChange={(e) => setFullText(e.target.checked)}
          />
          {t('export.fullText')}
        </label>
        <p id={ids.fullText} className="field__hint">
          {t('export.fullTextHint')}
        </p>
        <LaneVisibilityFields parts={parts} value={lanes} onChange={(c) => setLanes((l) => ({ ...l, ...c }))} />
        <div className="form__row">
          <StageSelect label={t('export.fromStage')} stages={parts.stages} value={from} onChange={setFrom} />
          <StageSelect label={t('export.toStage')} stages={parts.stages} value={to} onChange={setTo} />
        </div>
        <div className="dialog__actions dialog__actions--start">
          <button
            type="button"
            className="button button--primary"
            onClick={() => run((m) => m.exportPng(parts, toasts, options))}
          >
            {t('export.downloadPng')}
          </button>
          <button type="button" className="button" onClick={() => run((m) => m.exportSvg(parts, options))}>
            {t('export.downloadSvg')}
          </button>
          <button type="button" className="button" onClick={() => run((m) => m.copyPng(parts, toasts, options))}>
            {t('export.copyPng')}
          </button>
        </div>
        <DialogButtons cancel={t('export.close')} />
      </div>
    </Dialog>
  );
}
