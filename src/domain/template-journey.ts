import { DomainError, type Command } from './command';
import { addRecords, freshParts, planImport } from './format/import-document';
import type { FileDocument } from './format/schema';
import { checkTitle } from './journey-commands';
import { JOURNEY_PART_TABLES, type Id } from './types';

export interface FromTemplate {
  id: Id;
  title: string;
  /** The persona chosen for the new journey; none: the template's own persona comes with it. */
  personaId: Id | null;
}

/**
 * A new journey made from a template's file (one journey, perhaps its persona): every record
 * under a new id (its parts always fresh: other journeys' parts may be stored and not read), named as the user asked. The template's persona is reused when an identical
 * one is already here, so using a template twice does not make its persona twice.
 */
export function journeyFromTemplate(file: FileDocument, input: FromTemplate): Command {
  return {
    name: 'journeyFromTemplate',
    run(draft, ctx) {
      const title = checkTitle(input.title);
      if (draft.journeys[input.id]) throw new DomainError('idExists');
      const source = file.journeys[0];
      if (!source) throw new DomainError('journeyMissing');
      const chosen = input.personaId && draft.personas[input.personaId] ? input.personaId : null;
      const doc: FileDocument = chosen
        ? { ...file, personas: [], journeys: [{ ...source, personaId: null }] }
        : { ...file, journeys: [source] };
      const { records, summary } = planImport(doc, ctx, freshParts(draft));
      const planned = summary.journeyIds[0]!;
      const journey = records.journeys[planned]!;
      delete records.journeys[planned];
      records.journeys[input.id] = {
        ...journey,
        id: input.id,
        title,
        personaId: chosen ?? journey.personaId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      for (const table of JOURNEY_PART_TABLES)
        for (const rec of Object.values(records[table])) rec.journeyId = input.id;
      addRecords(records).run(draft, ctx);
    },
  };
}
