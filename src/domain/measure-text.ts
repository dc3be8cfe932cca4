/**
 * A metric's number with its unit as a language writes it: the decimal mark and grouping of the
 * language ("4,2" in Latvian), and a percent sign written by the language's own pattern (`percent`,
 * from the catalogue: Latvian puts a space before it, which the CLDR data browsers carry does not).
 * Other units follow the number as typed ("4,1/5").
 */
export function measureText(
  value: number,
  unit: string | undefined,
  language: string,
  percent: (value: string) => string,
): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  if (unit?.trim() === '%') return percent(number);
  return `${number}${unit ?? ''}`;
}
