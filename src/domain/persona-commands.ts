import { checkAvatar } from './format/avatar';
import { DomainError, touchJourney, type Command } from './command';
import { CHANNELS, isColor, LIMITS, type Channel, type Id, type PersonaRec } from './types';

/** The persona fields a form edits (everything but id and timestamp). */
export type PersonaFields = Omit<PersonaRec, 'id' | 'updatedAt'>;

export const PERSONA_LIST_FIELDS = ['goals', 'frustrations', 'motivations', 'needs', 'tags'] as const;

export function emptyPersona(name = ''): PersonaFields {
  return { name, goals: [], frustrations: [], motivations: [], needs: [], tags: [], channels: [] };
}

/** Everything wrong with persona fields, each naming its field: a form shows them all at once. */
export function personaProblems(fields: PersonaFields): DomainError[] {
  const out: DomainError[] = [];
  const name = fields.name.trim();
  if (!name) out.push(new DomainError('nameRequired', { field: 'name' }));
  else if (name.length > LIMITS.nameLength)
    out.push(new DomainError('nameTooLong', { field: 'name', max: LIMITS.nameLength }));
  if (fields.age !== undefined && (!Number.isInteger(fields.age) || fields.age < 0 || fields.age > LIMITS.ageMax))
    out.push(new DomainError('ageRange', { field: 'age', max: LIMITS.ageMax }));
  if (fields.color !== undefined && !isColor(fields.color))
    out.push(new DomainError('colorFormat', { field: 'color' }));
  const avatar = fields.avatar === undefined ? null : checkAvatar(fields.avatar);
  if (avatar) out.push(new DomainError(avatar, { field: 'avatar' }));
  if (fields.channels.some((c) => !CHANNELS.includes(c as Channel)))
    out.push(new DomainError('channelUnknown', { field: 'channels' }));
  return out;
}

/** Checks and tidies persona fields; throws a DomainError naming the first field at fault. */
export function cleanPersona(fields: PersonaFields): PersonaFields {
  const [problem] = personaProblems(fields);
  if (problem) throw problem;
  const name = fields.name.trim();
  const out: PersonaFields = { ...fields, name };
  for (const key of ['role', 'gender', 'location', 'bio', 'quote'] as const) {
    // A field of spaces only is no field; text is kept as typed otherwise.
    if (!out[key]?.trim()) delete out[key];
  }
  for (const key of PERSONA_LIST_FIELDS) out[key] = out[key].map((s) => s.trim()).filter(Boolean);
  if (out.age === undefined) delete out.age;
  if (out.color === undefined) delete out.color;
  if (out.avatar === undefined) delete out.avatar;
  return out;
}

export function createPersona(id: Id, fields: PersonaFields): Command {
  return {
    name: 'createPersona',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const clean = cleanPersona(fields);
      if (draft.personas[id]) throw new DomainError('idExists');
      draft.personas[id] = { ...clean, id, updatedAt: ctx.now };
    },
  };
}

export function updatePersona(id: Id, fields: PersonaFields): Command {
  return {
    name: 'updatePersona',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const clean = cleanPersona(fields);
      if (!draft.personas[id]) throw new DomainError('personaMissing');
      draft.personas[id] = { ...clean, id, updatedAt: ctx.now };
    },
  };
}

export function duplicatePersona(id: Id, newId: Id, name: string): Command {
  return {
    name: 'duplicatePersona',
    run(draft, ctx) {
      const p = draft.personas[id];
      if (!p) throw new DomainError('personaMissing');
      const copy: PersonaRec = JSON.parse(JSON.stringify(p));
      draft.personas[newId] = { ...copy, id: newId, name: name.slice(0, LIMITS.nameLength), updatedAt: ctx.now };
    },
  };
}

/** Deletes the persona; the journeys that used it keep everything and show "No persona". */
export function deletePersona(id: Id): Command {
  return {
    name: 'deletePersona',
    run(draft, ctx) {
      if (!draft.personas[id]) throw new DomainError('personaMissing');
      delete draft.personas[id];
      for (const j of Object.values(draft.journeys)) {
        if (j.personaId === id) {
          j.personaId = null;
          touchJourney(draft, j.id, ctx.now);
        }
      }
    },
  };
}
