import { LIMITS } from '../../domain/types';

export const AVATAR_SIZE = 256;
/** Pictures larger than this are refused before they are decoded. */
export const AVATAR_UPLOAD_LIMIT = 10 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

export type AvatarResult = { ok: true; dataUrl: string } | { ok: false; reason: 'type' | 'tooLarge' | 'unreadable' };

/**
 * Turns an uploaded picture into an avatar: PNG, JPEG, WebP or GIF only, scaled so its longer side
 * is at most 256 px, re-encoded (which also drops any metadata) and kept under 1 MiB.
 */
export async function avatarFromFile(file: File): Promise<AvatarResult> {
  if (!TYPES.includes(file.type)) return { ok: false, reason: 'type' };
  if (file.size > AVATAR_UPLOAD_LIMIT) return { ok: false, reason: 'tooLarge' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const scale = Math.min(1, AVATAR_SIZE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  // PNG keeps transparency; a photo that is still too big as PNG goes to JPEG.
  let dataUrl = canvas.toDataURL('image/png');
  if (dataUrl.length * 0.75 > LIMITS.avatarBytes) dataUrl = canvas.toDataURL('image/jpeg', 0.85);
  if (dataUrl.length * 0.75 > LIMITS.avatarBytes) return { ok: false, reason: 'tooLarge' };
  return { ok: true, dataUrl };
}
