import type { Id, Workspace } from './types';

/** What a command may ask of the outside world, injected so commands stay pure and testable. */
export interface CommandContext {
  now: number;
  newId: () => Id;
}

/**
 * One user intent. `run` mutates an immer draft of the workspace; the store turns that into
 * patches for rendering, persistence and history.
 */
export interface Command {
  name: string;
  run(draft: Workspace, ctx: CommandContext): void;
}

/** Why the domain refused a change: each code has one message, in the i18n `domainError` catalogue. */
export const DOMAIN_ERROR_CODES = [
  'titleRequired',
  'titleTooLong',
  'nameRequired',
  'nameTooLong',
  'ageRange',
  'colorFormat',
  'channelUnknown',
  'avatarShape',
  'avatarEmoji',
  'avatarType',
  'avatarScript',
  'avatarRemote',
  'avatarSvg',
  'avatarTooLarge',
  'lastStage',
  'lastLane',
  'laneKindExists',
  'connectionExists',
  'selfConnection',
  'otherJourney',
  'fieldInvalid',
  'fieldRequired',
  'fieldNotForKind',
  'unknownField',
  'idExists',
  'idMissing',
  'journeyMissing',
  'personaMissing',
  'stageMissing',
  'laneMissing',
  'cardMissing',
  'connectionMissing',
  'voteKinds',
  'voteDots',
  'votePeople',
  'viewOnly',
  'undoClash',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function touchJourney(draft: Workspace, journeyId: Id, now: number): void {
  const j = draft.journeys[journeyId];
  if (j) j.updatedAt = now;
}

/** Several commands as one user intent: one undo step, one storage batch. */
export function batch(name: string, commands: readonly Command[]): Command {
  return {
    name,
    run(draft, ctx) {
      for (const c of commands) c.run(draft, ctx);
    },
  };
}
