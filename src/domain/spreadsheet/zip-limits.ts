import { unzipSync } from 'fflate';

/** Limits checked on an .xlsx's directory before anything in it is inflated. */
export const ZIP_LIMITS = {
  entries: 2000,
  /** All parts inflated together. */
  totalBytes: 200 * 1024 * 1024,
  /** One part's inflated size over its packed size, for parts over 1 MiB. */
  ratio: 200,
} as const;

export type ZipCheck =
  { ok: true } | { ok: false; code: 'encrypted' | 'notZip' | 'corrupt' | 'tooManyEntries' | 'tooLarge' | 'bomb' };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether an .xlsx may be opened: a password-protected workbook (an OLE container, as is an old
 * .xls) or something that is not a zip is named as such; a zip bomb (too many parts, too large
 * once inflated, or packed too tightly) is refused from its directory, before inflating.
 */
export function checkXlsxZip(bytes: Uint8Array): ZipCheck {
  if (OLE.every((v, i) => bytes[i] === v)) return { ok: false, code: 'encrypted' };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    return { ok: false, code: 'notZip' };
  let entries = 0;
  let total = 0;
  let problem: ZipCheck | null = null;
  try {
    // The filter sees each entry's directory record and inflates nothing (it answers false).
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        if (entries > ZIP_LIMITS.entries) problem ??= { ok: false, code: 'tooManyEntries' };
        else if (total > ZIP_LIMITS.totalBytes) problem ??= { ok: false, code: 'tooLarge' };
        else if (file.originalSize > 1024 * 1024 && file.originalSize > ZIP_LIMITS.ratio * Math.max(1, file.size))
          problem ??= { ok: false, code: 'bomb' };
        return false;
      },
    });
  } catch {
    return { ok: false, code: 'corrupt' };
  }
  return problem ?? { ok: true };
}
