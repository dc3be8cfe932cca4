/** How numbers in an emotion column read: the format's −2…+2, or a 1…5 scale. */
export type ScoreScale = 'plusMinusTwo' | 'oneToFive';

/**
 * Feelings people write in a journey table, by the score they stand for. Only these (and
 * numbers) are read as scores: a word not here is listed, not guessed.
 */
const WORDS: Record<string, number> = {};
const add = (score: number, list: string) => {
  for (const w of list.split(',')) WORDS[w.trim()] = score;
};
add(2, 'very positive, delighted, thrilled, excited, ecstatic, overjoyed, very happy, love, loves it, amazing, great');
add(1, 'positive, happy, pleased, satisfied, relieved, hopeful, good, confident, curious, glad, content, reassured');
add(0, 'neutral, ok, okay, fine, indifferent, calm, meh, so-so');
add(
  -1,
  'negative, confused, annoyed, worried, anxious, impatient, unhappy, disappointed, frustrated, stressed, uncertain, bored, unsure, nervous, irritated, sceptical, skeptical, mildly stressed',
);
add(
  -2,
  'very negative, angry, furious, very frustrated, desperate, hate, hates it, upset, outraged, panicked, distraught',
);

/**
 * A line of an emotion cell as a score and a title: a number on the sheet's scale (the title is
 * empty), a known word (the word is the title), or "word (score)" / "score word".
 */
export function emotionScore(line: string, scale: ScoreScale): { score: number; title: string } | null {
  const text = line.trim();
  const number = (s: string): number | null => {
    if (!/^[+-−]?\d+$/.test(s)) return null;
    const n = Number(s.replace('−', '-'));
    const score = scale === 'oneToFive' ? n - 3 : n;
    return score >= -2 && score <= 2 ? score : null;
  };
  const alone = number(text);
  if (alone !== null) return { score: alone, title: '' };
  const word = WORDS[text.toLowerCase().replace(/[.!]+$/, '')];
  if (word !== undefined) return { score: word, title: text };
  // "Frustrated (-1)", "-1 Frustrated", "Frustrated: -1".
  const m = /^(.*?)[\s:(]*([+-−]?\d+)\)?$/.exec(text) ?? /^([+-−]?\d+)[\s:.)-]+(.*)$/.exec(text);
  if (m) {
    const [a, b] = /^[+-−]?\d+$/.test(m[1]!.trim()) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const score = number(b.trim());
    if (score !== null && a.trim()) return { score, title: a.trim() };
  }
  return null;
}
