const KEY = 'journey-canvas:name';

/** The name this person gave last time (kept in this browser only). */
export function rememberedName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // storage refused: the name is asked again next time
  }
}
