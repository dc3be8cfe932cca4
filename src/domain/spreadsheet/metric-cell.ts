/** The word for a metric's target in the app's languages: "(target 5)", "（目标 5）", "(mērķis 5)". */
const TARGET_WORDS = ['target', 'goal', '目标', '目標', 'mērķis', 'sasaran'];

/** A number as people write it: "45", "4.2", "4,2", "−3", "+12", "1 200" (grouped). */
const NUMBER = String.raw`[+\-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[+\-−]?\d+(?:[.,]\d+)?`;

const numberOf = (s: string): number =>
  Number(
    s
      .replace(/[ \u00a0\u202f]/g, '')
      .replace(',', '.')
      .replace('−', '-'),
  );

export interface MetricCell {
  /** The metric's name: what the cell says before its value. */
  name: string;
  value?: number;
  target?: number;
  /** As written after the value, its space included (" min", "%"), as the map shows it. */
  unit?: string;
}

/** The name, then the first number set apart from it (by a space, a colon, or after a Han character). */
const VALUE = new RegExp(String.raw`^(.*?)(?:[\s:：=]+|(?<=\p{Script=Han}))(${NUMBER})(?!\d)(.*)$`, 'u');
/** Where the target begins after the value and its unit. */
const TARGET_START = new RegExp(String.raw`[(（/,;|·]|${TARGET_WORDS.join('|')}`, 'iu');
const TARGET = new RegExp(
  String.raw`^[(（,;|·]?\s*(?:${TARGET_WORDS.join('|')})?\s*[:：=]?\s*(${NUMBER})\s*[^\d()（）]{0,12}[)）]?$`,
  'iu',
);
const SLASH_TARGET = new RegExp(String.raw`^/\s*(${NUMBER})\s*[^\d()（）]{0,12}$`, 'u');

/** A unit is short: "%", " min", " days", " 分钟", " per month". */
const isUnit = (s: string) => s.length <= 16 && !/\d/.test(s) && s.trim().split(/\s+/).length <= 2;

/**
 * A metric as a team writes it in one cell: "NPS 12", "Avg. hold time 45 min (target 5)",
 * "CSAT: 78% / 85%", "流失率 4,2 %（目标 3 %）". A cell that does not read whole that way is a name
 * alone: a number is never guessed out of a sentence.
 */
export function metricCell(text: string): MetricCell {
  const line = text.trim();
  const m = VALUE.exec(line);
  const name = m?.[1]?.trim();
  if (!m || !name) return { name: line };
  const rest = m[3]!;
  const cut = rest.search(TARGET_START);
  const unit = (cut < 0 ? rest : rest.slice(0, cut)).trimEnd();
  if (!isUnit(unit)) return { name: line };
  const cell: MetricCell = { name, value: numberOf(m[2]!) };
  if (unit.trim()) cell.unit = unit;
  if (cut >= 0) {
    const tail = rest.slice(cut).trim();
    const t = TARGET.exec(tail) ?? SLASH_TARGET.exec(tail);
    if (!t) return { name: line };
    cell.target = numberOf(t[1]!);
  }
  return cell;
}
