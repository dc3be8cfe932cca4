import { parseJourneyFile } from '../domain/format/parse';
import type { FileDocument } from '../domain/format/schema';

/**
 * Templates with real content, one journey file each per language (`<language>/<id>.journey.json`),
 * in the documented format so they are checked like any import. Loaded only when one is used.
 */
import { CONTENT_TEMPLATES, type ContentTemplateId } from './content-ids';

export { CONTENT_TEMPLATES, type ContentTemplateId };

const FALLBACK_LANGUAGE = 'en';
const files = import.meta.glob<unknown>('./*/*.journey.json', { import: 'default' });

export const isContentTemplate = (id: string): id is ContentTemplateId =>
  (CONTENT_TEMPLATES as readonly string[]).includes(id);

/** A template in the user's language where it has been written, else in English. */
export async function loadContentTemplate(id: ContentTemplateId, language: string): Promise<FileDocument> {
  const base = language.split('-')[0]!.toLowerCase();
  const load =
    files[`./${language}/${id}.journey.json`] ??
    files[`./${base}/${id}.journey.json`] ??
    files[`./${FALLBACK_LANGUAGE}/${id}.journey.json`];
  if (!load) throw new Error(`template ${id} is missing`);
  const parsed = parseJourneyFile(JSON.stringify(await load()));
  if (!parsed.ok) throw new Error(`template ${id} is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.doc;
}
