import type { JourneyParts } from '../domain/queries';
import type { LaneKind } from '../domain/types';
import { FORMULA_START } from '../domain/csv-columns';

/**
 * Text that a spreadsheet would run as a formula: one of these first, or after spaces (Excel and
 * LibreOffice skip leading spaces before reading `=`, `+`, `-` or `@`).
 */

/** Prefixes a quote so spreadsheet programs show the text instead of evaluating it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180, quoted also when a cell holds any separator a spreadsheet may guess (semicolon, tab,
 * pipe: Excel in many locales splits on `;`), or starts or ends with a space; quotes doubled.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",;\t|\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Fields whose values are codes in the file and words in a spreadsheet. */
export type CodedField = 'evidence' | 'channel' | 'severity' | 'status' | 'metric';

export interface CsvLabels {
  headers: string[];
  laneTitle: (kind: LaneKind, title: string | undefined) => string;
  kindName: (kind: LaneKind) => string;
  /** A code in the reader's words ("social" reads "Social media"). */
  valueName: (field: CodedField, code: string) => string;
}

type TextField = 'title' | 'notes' | 'owner' | 'unit';

/**
 * One row per card: journey, stage, lane, kind, then the card's fields. UTF-8 with a byte-order
 * mark (so spreadsheet programs read CJK correctly) and CRLF line ends; text cells neutralised.
 */
export function journeysToCsv(journeys: readonly JourneyParts[], labels: CsvLabels): string {
  const rows: string[] = [labels.headers.map(csvField).join(',')];
  for (const parts of journeys) {
    const stages = new Map(parts.stages.map((s) => [s.id, s.name]));
    const lanes = new Map(parts.lanes.map((l) => [l.id, l]));
    for (const card of parts.cards) {
      const lane = lanes.get(card.laneId)!;
      const text = (field: TextField) => (card[field] === undefined ? undefined : neutralise(card[field]!));
      const coded = (field: CodedField) =>
        card[field] === undefined ? undefined : neutralise(labels.valueName(field, card[field]!));
      const cells: (string | number | undefined)[] = [
        neutralise(parts.journey.title),
        neutralise(stages.get(card.stageId) ?? ''),
        neutralise(labels.laneTitle(lane.kind, lane.title)),
        labels.kindName(lane.kind),
        text('title'),
        text('notes'),
        coded('evidence'),
        coded('channel'),
        card.score,
        coded('severity'),
        card.impact,
        card.effort,
        text('owner'),
        coded('status'),
        card.votes,
        coded('metric'),
        card.value,
        card.target,
        text('unit'),
      ];
      rows.push(cells.map(csvField).join(','));
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
