import { normWord, SHEET_LANGUAGES, wordsOf, type SheetLanguage } from './sheet-words';

/** How numbers in an emotion column read: the format's −2…+2, or a 1…5 scale. */
export type ScoreScale = 'plusMinusTwo' | 'oneToFive';

type Score = -2 | -1 | 0 | 1 | 2;

/**
 * Feelings people write in a journey table, by the score they stand for, in each language
 * (docs/glossary.md lists them). Only these (and numbers) are read as scores: a word not here is
 * listed, not guessed.
 */
export const FEELINGS: Record<SheetLanguage, Record<Score, string>> = {
  en: {
    2: 'very positive, delighted, thrilled, excited, ecstatic, overjoyed, very happy, love, loves it, amazing, great',
    1: 'positive, happy, pleased, satisfied, relieved, hopeful, good, confident, curious, glad, content, reassured',
    0: 'neutral, ok, okay, fine, indifferent, calm, meh, so-so',
    [-1]: 'negative, confused, annoyed, worried, anxious, impatient, unhappy, disappointed, frustrated, stressed, uncertain, bored, unsure, nervous, irritated, sceptical, skeptical, mildly stressed',
    [-2]: 'very negative, angry, furious, very frustrated, desperate, hate, hates it, upset, outraged, panicked, distraught',
  },
  'zh-Hans': {
    2: '非常满意, 惊喜, 兴奋, 非常开心, 喜出望外',
    1: '满意, 开心, 高兴, 放心, 安心, 好奇, 期待, 有信心, 积极',
    0: '一般, 平静, 还行, 中性, 无所谓, 正常',
    [-1]: '困惑, 疑惑, 焦虑, 担心, 不满, 不满意, 失望, 沮丧, 烦躁, 不耐烦, 紧张, 无聊, 有压力, 恼火, 消极',
    [-2]: '生气, 愤怒, 非常不满, 非常不满意, 绝望, 崩溃, 非常沮丧',
  },
  'zh-Hant': {
    2: '非常滿意, 驚喜, 興奮, 非常開心, 喜出望外',
    1: '滿意, 開心, 高興, 放心, 安心, 好奇, 期待, 有信心, 積極',
    0: '一般, 平靜, 還行, 中性, 無所謂, 正常',
    [-1]: '困惑, 疑惑, 焦慮, 擔心, 不滿, 不滿意, 失望, 沮喪, 煩躁, 不耐煩, 緊張, 無聊, 有壓力, 惱火, 消極',
    [-2]: '生氣, 憤怒, 非常不滿, 非常不滿意, 絕望, 崩潰, 非常沮喪',
  },
  lv: {
    2: 'sajūsmā, ļoti apmierināts, ļoti apmierināta, ļoti priecīgs, ļoti priecīga, lieliski',
    1: 'apmierināts, apmierināta, priecīgs, priecīga, laimīgs, laimīga, cerīgs, cerīga, ziņkārīgs, ziņkārīga, pārliecināts, pārliecināta, atvieglots, atvieglota, pozitīvs, labi',
    0: 'neitrāls, neitrāla, normāli, mierīgs, mierīga, vienaldzīgs, vienaldzīga',
    [-1]: 'apjucis, apjukusi, neizpratnē, noraizējies, noraizējusies, satraukts, satraukta, nervozs, nervoza, neapmierināts, neapmierināta, vīlies, vīlusies, nepacietīgs, nepacietīga, aizkaitināts, aizkaitināta, garlaicīgi, negatīvs',
    [-2]: 'dusmīgs, dusmīga, nikns, nikna, izmisis, izmisusi, ļoti neapmierināts, ļoti neapmierināta, sašutis, sašutusi',
  },
  ms: {
    2: 'sangat gembira, sangat puas hati, teruja, gembira sekali',
    1: 'gembira, puas hati, lega, yakin, berharap, ingin tahu, seronok, positif',
    0: 'neutral, biasa, biasa sahaja, okey, tenang',
    [-1]: 'keliru, bingung, risau, bimbang, cemas, kecewa, tidak puas hati, tertekan, tidak sabar, bosan, gelisah, jengkel, negatif',
    [-2]: 'marah, sangat marah, sangat kecewa, putus asa, geram, berang',
  },
};

/** Words that make a mild feeling a strong one: "very worried", "很焦虑", "ļoti noraizējies". */
const INTENSIFIERS = [
  'very',
  'really',
  'extremely',
  '非常',
  '很',
  '十分',
  '特别',
  '特別',
  '极其',
  '極其',
  'ļoti',
  'sangat',
  'amat',
];

const WORDS = new Map<string, Score>();
for (const lang of SHEET_LANGUAGES)
  for (const [score, list] of Object.entries(FEELINGS[lang]))
    for (const w of wordsOf(list)) WORDS.set(normWord(w), Number(score) as Score);

/** The score a feeling stands for, in any of the app's languages, or undefined. */
function feeling(text: string): Score | undefined {
  const word = normWord(text).replace(/[.!。！]+$/, '');
  const known = WORDS.get(word);
  if (known !== undefined) return known;
  for (const first of INTENSIFIERS)
    if (word.startsWith(first)) {
      const rest = WORDS.get(word.slice(first.length).trim());
      if (rest !== undefined) return rest === 0 ? 0 : rest > 0 ? 2 : -2;
    }
  return undefined;
}

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
  const word = feeling(text);
  if (word !== undefined) return { score: word, title: text };
  // "Frustrated (-1)", "-1 Frustrated", "Frustrated: -1", "焦虑（2）".
  const m = /^(.*?)[\s:：(（]*([+-−]?\d+)[)）]?$/.exec(text) ?? /^([+-−]?\d+)[\s:.)-]+(.*)$/.exec(text);
  if (m) {
    const [a, b] = /^[+-−]?\d+$/.test(m[1]!.trim()) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const score = number(b.trim());
    if (score !== null && a.trim()) return { score, title: a.trim() };
  }
  return null;
}
