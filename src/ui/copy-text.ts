import type { Toasts } from './toast-store';

/** Puts text on the clipboard and says whether it worked; a refusal (permissions) is a message. */
export async function copyText(
  text: string,
  toasts: Pick<Toasts, 'show'>,
  words: { copied: string; failed: string },
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    toasts.show(words.copied);
    return true;
  } catch {
    toasts.show(words.failed, { tone: 'error' });
    return false;
  }
}
