export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** Without a browser: CJK and emoji about one em wide, Latin about half. Good enough to wrap. */
export const approximateMeasure: Measure = (text, size, bold) => {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x2e80 ? 1 : cp === 32 ? 0.3 : /[A-Z0-9]/.test(ch) ? 0.64 : 0.55;
  }
  return w * size * (bold ? 1.06 : 1);
};
