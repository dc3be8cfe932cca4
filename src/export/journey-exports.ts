import { safeFileName } from '../domain/filename';
import { metricStatus } from '../domain/metrics';
import { journeyParts, type JourneyParts } from '../domain/queries';
import type { CardRec, Id, LaneKind } from '../domain/types';
import { CHANNEL_ICONS, PICTURE_FONT, SCORE_FACES } from '../canvas/visuals';
import { i18n } from '../i18n';
import { workspace } from '../store';
import { downloadBlob } from '../ui/download';
import { dismissToast, showToast } from '../ui/toast-store';
import { journeysToCsv } from './csv';
import { canvasMeasure, ExportCancelled, fitScale, svgToPng } from './png';
import { journeyToSvg, type SvgPicture } from './svg';

export interface ImageOptions {
  scale: 1 | 2 | 3;
  transparent: boolean;
  /** Inclusive stage indexes; the whole journey when absent. */
  stageRange?: [number, number];
  /** Titles and notes in full, cards as tall as they need. */
  fullText?: boolean;
}

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);
const laneTitle = (kind: LaneKind, title?: string) => title?.trim() || t(`lane.${kind}`);

/** A card's kind fields in words, as the map shows them. */
export function cardDetails(card: CardRec, kind: LaneKind): string {
  const parts: string[] = [];
  if (kind === 'touchpoints' && card.channel)
    parts.push(`${CHANNEL_ICONS[card.channel]} ${t(`channel.${card.channel}`)}`);
  if (kind === 'emotions') parts.push(`${SCORE_FACES[String(card.score ?? 0)]} ${t(`score.${card.score ?? 0}`)}`);
  if (kind === 'painPoints' && card.severity) parts.push(t(`severity.${card.severity}`));
  if (kind === 'opportunities') {
    if (card.impact !== undefined) parts.push(t('card.impact', { value: card.impact }));
    if (card.effort !== undefined) parts.push(t('card.effort', { value: card.effort }));
    if (card.status) parts.push(t(`status.${card.status}`));
    if (card.votes !== undefined) parts.push(t('card.votes', { count: card.votes }));
    if (card.owner) parts.push(t('card.owner', { owner: card.owner }));
  }
  if (kind === 'metrics') {
    const unit = card.unit ?? '';
    if (card.metric) parts.push(t(`metric.${card.metric}`));
    if (card.value !== undefined)
      parts.push(`${card.value}${unit}${card.target !== undefined ? ` / ${card.target}${unit}` : ''}`);
    parts.push(t(`card.${metricStatus(card)}`));
  }
  if (card.evidence) parts.push(t(`evidence.${card.evidence}`));
  return parts.join(' · ');
}

function partsOf(journeyId: Id): JourneyParts {
  const parts = journeyParts(workspace.getDoc(), journeyId);
  if (!parts) throw new Error(`no journey ${journeyId}`);
  return parts;
}

export function journeyPicture(
  journeyId: Id,
  options: Pick<ImageOptions, 'stageRange' | 'transparent' | 'fullText'>,
): SvgPicture {
  return journeyToSvg(partsOf(journeyId), {
    laneTitle,
    details: cardDetails,
    scenarioLabel: t('editor.scenario'),
    stageRange: options.stageRange,
    measure: canvasMeasure(PICTURE_FONT),
    background: options.transparent ? null : '#ffffff',
    fullText: options.fullText,
  });
}

function baseName(journeyId: Id, range?: [number, number]): string {
  const parts = partsOf(journeyId);
  const suffix = range
    ? ` ${parts.stages[range[0]]?.name ?? ''}${range[1] !== range[0] ? ` – ${parts.stages[range[1]]?.name ?? ''}` : ''}`
    : '';
  return `${parts.journey.title}${suffix}`;
}

export function exportSvg(journeyId: Id, options: Partial<ImageOptions> = {}): void {
  const start = performance.now();
  const pic = journeyPicture(journeyId, {
    stageRange: options.stageRange,
    transparent: options.transparent ?? false,
    fullText: options.fullText,
  });
  downloadBlob(
    new Blob([pic.svg], { type: 'image/svg+xml' }),
    safeFileName(baseName(journeyId, options.stageRange), '.svg'),
  );
  performance.measure('jc:export-svg', { start, end: performance.now() });
}

/** Makes the PNG with a cancellable progress message; reduces the scale to the browser's limits. */
async function makePng(journeyId: Id, options: ImageOptions): Promise<Blob | null> {
  const controller = new AbortController();
  const toast = showToast(t('export.working'), {
    durationMs: 120_000,
    action: { label: t('export.cancel'), run: () => controller.abort() },
  });
  try {
    const pic = journeyPicture(journeyId, options);
    const fit = fitScale(pic.width, pic.height, options.scale);
    if (fit.reduced) showToast(t('export.reduced', { scale: fit.scale, asked: options.scale }), { durationMs: 8000 });
    return await svgToPng(pic, fit.scale, controller.signal);
  } catch (e) {
    if (e instanceof ExportCancelled) {
      showToast(t('export.cancelled'));
      return null;
    }
    showToast(t('export.failed'), { tone: 'error' });
    return null;
  } finally {
    dismissToast(toast);
  }
}

export async function exportPng(
  journeyId: Id,
  options: ImageOptions = { scale: 2, transparent: false },
): Promise<void> {
  const start = performance.now();
  const blob = await makePng(journeyId, options);
  if (!blob) return;
  downloadBlob(blob, safeFileName(baseName(journeyId, options.stageRange), '.png'));
  performance.measure('jc:export-png', { start, end: performance.now() });
}

export async function copyPng(journeyId: Id, options: ImageOptions): Promise<void> {
  // The clipboard item is created at once, inside the click, with the picture still to come.
  const blob = makePng(journeyId, options).then((b) => {
    if (!b) throw new ExportCancelled();
    return b;
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    showToast(t('export.copied'));
  } catch (e) {
    if (!(e instanceof ExportCancelled)) showToast(t('export.copyFailed'), { tone: 'error' });
  }
}

export function exportCsv(journeyIds: Id[]): void {
  const journeys = journeyIds.map(partsOf);
  const csv = journeysToCsv(journeys, {
    headers: [
      'journey',
      'stage',
      'lane',
      'kind',
      'title',
      'notes',
      'evidence',
      'channel',
      'score',
      'severity',
      'impact',
      'effort',
      'owner',
      'status',
      'votes',
      'metric',
      'value',
      'target',
      'unit',
    ].map((k) => t(`csv.${k}`)),
    laneTitle,
    kindName: (k) => t(`lane.${k}`),
    valueName: (field, code) =>
      t(field === 'severity' ? `details.severityLevel.${code}` : `${field}.${code}`, { defaultValue: code }),
  });
  const name = journeys.length === 1 ? journeys[0]!.journey.title : t('export.workspaceName');
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), safeFileName(name, '.csv'));
}
