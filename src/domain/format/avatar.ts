import type { DomainErrorCode } from '../command';
import { LIMITS, type Avatar } from '../types';

const DATA_URL = /^data:(image\/(?:png|jpeg|webp|gif));base64,([A-Za-z0-9+/]*={0,2})$/;

/** The first bytes each accepted type must start with: a data URL that lies about its type is refused. */
const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46,
  'image/webp': (b) =>
    b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45,
};

function headBytes(base64: string): Uint8Array {
  const bin = atob(base64.slice(0, 16));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Returns an issue code, or null when the avatar is acceptable. */
export type AvatarProblem = Extract<DomainErrorCode, `avatar${string}`>;

export function checkAvatar(value: unknown): AvatarProblem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'avatarShape';
  const rec = value as Record<string, unknown>;
  if ('emoji' in rec) {
    const e = rec.emoji;
    if (typeof e !== 'string' || e.trim() === '' || e.length > 32) return 'avatarEmoji';
    return null;
  }
  if (!('image' in rec)) return 'avatarShape';
  const image = rec.image;
  if (typeof image !== 'string') return 'avatarType';
  const lower = image.trim().toLowerCase();
  if (lower.startsWith('javascript:')) return 'avatarScript';
  if (!lower.startsWith('data:')) return 'avatarRemote';
  if (lower.startsWith('data:image/svg')) return 'avatarSvg';
  const m = DATA_URL.exec(image);
  if (!m) return 'avatarType';
  const [, mime, payload] = m as unknown as [string, string, string];
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  if ((payload.length * 3) / 4 - padding > LIMITS.avatarBytes) return 'avatarTooLarge';
  if (payload.length < 16 || !MAGIC[mime]!(headBytes(payload))) return 'avatarType';
  return null;
}

export function asAvatar(value: unknown): Avatar | undefined {
  if (value === undefined || checkAvatar(value) !== null) return undefined;
  const rec = value as Record<string, string>;
  return 'emoji' in rec ? { emoji: rec.emoji! } : { image: rec.image! };
}
