/**
 * How the facilitator hands the role over or adds a co-facilitator: stateless messages between a
 * client and the server (the server passes none of them on to others; what reaches a client
 * comes from the server alone). Everything read here arrived over a socket, so each part is
 * checked and bounded.
 */

/** What the facilitator asks for a participant: to run the room, to help run it, or to stop helping. */
export type RoleChange = 'hand-over' | 'co-facilitator' | 'participant';
const CHANGES: readonly RoleChange[] = ['hand-over', 'co-facilitator', 'participant'];

export interface RoleRequest {
  /** The participant's awareness id, as everyone sees it in the room. */
  clientId: number;
  change: RoleChange;
  /**
   * The room's links, which the server keeps only as hashes: checked against them, then handed to
   * the new facilitator so that they can invite too.
   */
  editSecret: string;
  viewSecret: string;
}

/** The role a participant holds after a change. */
export type GrantedRole = 'host' | 'cohost' | 'edit';

/** Told by the server to the one whose role changed (only to their own connections). */
export interface RoleGrant {
  role: GrantedRole;
  /** The secret that now runs the room from this device (a facilitator's or co-facilitator's). */
  secret?: string;
  editSecret: string;
  viewSecret?: string;
}

/** Told by the server to the facilitator who asked, once the change is made. */
export interface RoleDone {
  clientId: number;
  role: GrantedRole;
}

const REQUEST = 'journey-canvas:role-request:';
const GRANT = 'journey-canvas:role-grant:';
const DONE = 'journey-canvas:role-done:';
/** The server did not make the change (not the facilitator, the person left, a wrong link…). */
export const ROLE_REFUSED = 'journey-canvas:role-refused';

/** The longest secret a room has, with a margin (they are 43 characters). */
const MAX_SECRET = 200;
/** A request or grant is three secrets and a few words: anything longer is not one. */
export const MAX_ROLE_MESSAGE = 1024;

const isSecret = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_SECRET && /^[A-Za-z0-9_-]+$/.test(v);
const isClientId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isGranted = (v: unknown): v is GrantedRole => v === 'host' || v === 'cohost' || v === 'edit';

function readJson(payload: string, prefix: string): Record<string, unknown> | null {
  if (!payload.startsWith(prefix) || payload.length > MAX_ROLE_MESSAGE) return null;
  try {
    const value: unknown = JSON.parse(payload.slice(prefix.length));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const roleRequest = (r: RoleRequest): string => REQUEST + JSON.stringify(r);
export const isRoleRequest = (payload: string): boolean => payload.startsWith(REQUEST);

export function readRoleRequest(payload: string): RoleRequest | null {
  const v = readJson(payload, REQUEST);
  if (!v) return null;
  const { clientId, change, editSecret, viewSecret } = v;
  if (!isClientId(clientId) || !CHANGES.includes(change as RoleChange)) return null;
  if (!isSecret(editSecret) || !isSecret(viewSecret)) return null;
  return { clientId, change: change as RoleChange, editSecret, viewSecret };
}

export const roleGrant = (g: RoleGrant): string => GRANT + JSON.stringify(g);

export function readRoleGrant(payload: string): RoleGrant | null {
  const v = readJson(payload, GRANT);
  if (!v || !isGranted(v.role) || !isSecret(v.editSecret)) return null;
  // Running the room needs a secret of its own; a participant goes back to the edit link.
  if (v.role !== 'edit' && (!isSecret(v.secret) || !isSecret(v.viewSecret))) return null;
  return {
    role: v.role,
    editSecret: v.editSecret,
    ...(isSecret(v.secret) ? { secret: v.secret } : {}),
    ...(isSecret(v.viewSecret) ? { viewSecret: v.viewSecret } : {}),
  };
}

export const roleDone = (d: RoleDone): string => DONE + JSON.stringify(d);

export function readRoleDone(payload: string): RoleDone | null {
  const v = readJson(payload, DONE);
  return v && isClientId(v.clientId) && isGranted(v.role) ? { clientId: v.clientId, role: v.role } : null;
}
