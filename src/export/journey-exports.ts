import { visibleLanes, withLanes, type LaneVisibility } from '../domain/lane-visibility';
import { CSV_COLUMNS } from '../domain/csv-columns';
import { safeFileName } from '../domain/filename';
import type { JourneyParts } from '../domain/queries';
import type { LaneKind } from '../domain/types';
import { PICTURE_FONT } from '../canvas/visuals';
import { i18n } from '../i18n';
import { downloadBlob } from '../ui/download';
import type { Toasts } from '../ui/toast-store';
import { cardDetails } from './card-details';
import { darkPalette } from './dark-palette';
import { journeysToCsv } from './csv';
import { canvasMeasure, ExportCancelled, fitScale, svgToPng } from './png';
import { journeyToSvg, type SvgPicture } from './svg';

export interface ImageOptions {
  scale: 1 | 2 | 3;
  transparent: boolean;
  /** The dark theme's palette (a dark background unless transparent); pictures are light by default. */
  dark?: boolean;
  /** Inclusive stage indexes; the whole journey when absent. */
  stageRange?: [number, number];
  /** Titles and notes in full, cards as tall as they need. */
  fullText?: boolean;
  /** Lanes left out of the picture. */
  lanes?: LaneVisibility;
}

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);
const laneTitle = (kind: LaneKind, title?: string) => title?.trim() || t(`lane.${kind}`);

/**
 * Exports take the journey they draw (and, where they talk, the page's messages) as arguments:
 * they read no store of their own.
 */
export function journeyPicture(
  parts: JourneyParts,
  options: Pick<ImageOptions, 'stageRange' | 'transparent' | 'fullText' | 'lanes' | 'dark'>,
): SvgPicture {
  // A lane is empty when the stages drawn have none of its cards.
  const range =
    options.stageRange &&
    new Set(parts.stages.slice(options.stageRange[0], options.stageRange[1] + 1).map((s) => s.id));
  const drawn = range ? { lanes: parts.lanes, cards: parts.cards.filter((c) => range.has(c.stageId)) } : parts;
  const shown = options.lanes ? withLanes(parts, visibleLanes(drawn, options.lanes)) : parts;
  const picture = journeyToSvg(shown, {
    laneTitle,
    details: (card, kind) => cardDetails(card, kind, parts.journey.state),
    scenarioLabel: t('editor.scenario'),
    stageRange: options.stageRange,
    measure: canvasMeasure(PICTURE_FONT),
    background: options.transparent ? null : '#ffffff',
    fullText: options.fullText,
  });
  if (!options.dark) return picture;
  // The background, white by default, becomes the dark page colour with the rest.
  return { ...picture, svg: darkPalette(picture.svg) };
}

function baseName(parts: JourneyParts, range?: [number, number]): string {
  const suffix = range
    ? ` ${parts.stages[range[0]]?.name ?? ''}${range[1] !== range[0] ? ` – ${parts.stages[range[1]]?.name ?? ''}` : ''}`
    : '';
  return `${parts.journey.title}${suffix}`;
}

export function exportSvg(parts: JourneyParts, options: Partial<ImageOptions> = {}): void {
  const start = performance.now();
  const pic = journeyPicture(parts, {
    stageRange: options.stageRange,
    transparent: options.transparent ?? false,
    fullText: options.fullText,
    lanes: options.lanes,
    dark: options.dark,
  });
  downloadBlob(
    new Blob([pic.svg], { type: 'image/svg+xml' }),
    safeFileName(baseName(parts, options.stageRange), '.svg'),
  );
  performance.measure('jc:export-svg', { start, end: performance.now() });
}

/** Makes the PNG with a cancellable progress message; reduces the scale to the browser's limits. */
async function makePng(parts: JourneyParts, toasts: Toasts, options: ImageOptions): Promise<Blob | null> {
  const controller = new AbortController();
  const toast = toasts.show(t('export.working'), {
    durationMs: 120_000,
    action: { label: t('export.cancel'), run: () => controller.abort() },
  });
  try {
    const pic = journeyPicture(parts, options);
    const fit = fitScale(pic.width, pic.height, options.scale);
    if (fit.reduced) toasts.show(t('export.reduced', { scale: fit.scale, asked: options.scale }), { durationMs: 8000 });
    return await svgToPng(pic, fit.scale, controller.signal);
  } catch (e) {
    if (e instanceof ExportCancelled) {
      toasts.show(t('export.cancelled'));
      return null;
    }
    toasts.show(t('export.failed'), { tone: 'error' });
    return null;
  } finally {
    toasts.dismiss(toast);
  }
}

export async function exportPng(
  parts: JourneyParts,
  toasts: Toasts,
  options: ImageOptions = { scale: 2, transparent: false },
): Promise<void> {
  const start = performance.now();
  const blob = await makePng(parts, toasts, options);
  if (!blob) return;
  downloadBlob(blob, safeFileName(baseName(parts, options.stageRange), '.png'));
  performance.measure('jc:export-png', { start, end: performance.now() });
}

export async function copyPng(parts: JourneyParts, toasts: Toasts, options: ImageOptions): Promise<void> {
  // The clipboard item is created at once, inside the click, with the picture still to come.
  const blob = makePng(parts, toasts, options).then((b) => {
    if (!b) throw new ExportCancelled();
    return b;
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    toasts.show(t('export.copied'));
  } catch (e) {
    if (!(e instanceof ExportCancelled)) toasts.show(t('export.copyFailed'), { tone: 'error' });
  }
}

/** The journeys as this app's CSV, in the page's language. */
export function csvText(journeys: readonly JourneyParts[]): string {
  return journeysToCsv(journeys, {
    headers: CSV_COLUMNS.map((k) => t(`csv.${k}`)),
    laneTitle,
    kindName: (k) => t(`lane.${k}`),
    valueName: (field, code) =>
      t(field === 'severity' ? `details.severityLevel.${code}` : `${field}.${code}`, { defaultValue: code }),
  });
}

export function exportCsv(journeys: readonly JourneyParts[]): void {
  const csv = csvText(journeys);
  const name = journeys.length === 1 ? journeys[0]!.journey.title : t('export.workspaceName');
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), safeFileName(name, '.csv'));
}
