import { describe, expect, it } from 'vitest';
import { applyRole, recWithGrant, type RoleContext, type RoleEvent } from '../../src/live/role-events';
import {
  readRoleDone,
  readRoleGrant,
  readRoleRequest,
  roleDone,
  roleGrant,
  roleRequest,
  type RoleRequest,
} from '../../src/live/role-messages';
import type { LiveRec } from '../../src/storage/db';

const EDIT = 'e'.repeat(43);
const VIEW = 'v'.repeat(43);
const HOST = 'h'.repeat(43);
const request: RoleRequest = { clientId: 42, change: 'hand-over', editSecret: EDIT, viewSecret: VIEW };

describe('role messages', () => {
  it('reads back what it writes', () => {
    expect(readRoleRequest(roleRequest(request))).toEqual(request);
    const grant = { role: 'host', secret: HOST, editSecret: EDIT, viewSecret: VIEW } as const;
    expect(readRoleGrant(roleGrant(grant))).toEqual(grant);
    expect(readRoleGrant(roleGrant({ role: 'edit', editSecret: EDIT }))).toEqual({ role: 'edit', editSecret: EDIT });
    expect(readRoleDone(roleDone({ clientId: 7, role: 'cohost' }))).toEqual({ clientId: 7, role: 'cohost' });
  });

  it('refuses anything else a socket could send', () => {
    const bad: unknown[] = [
      { ...request, clientId: -1 },
      { ...request, clientId: 1.5 },
      { ...request, clientId: '42' },
      { ...request, change: 'owner' },
      { ...request, editSecret: '' },
      { ...request, viewSecret: 'x'.repeat(201) },
      { ...request, editSecret: 'has spaces and "quotes"' },
      { ...request, __proto__: { clientId: 1 }, clientId: undefined },
      [request],
      null,
    ];
    for (const value of bad) expect(readRoleRequest(`journey-canvas:role-request:${JSON.stringify(value)}`)).toBeNull();
    expect(readRoleRequest('journey-canvas:role-request:{')).toBeNull();
    expect(readRoleRequest(roleRequest(request) + ' '.repeat(1024))).toBeNull();
    expect(readRoleRequest(roleGrant({ role: 'edit', editSecret: EDIT }))).toBeNull();
    // Running the room comes with a secret of its own and the room's links.
    expect(readRoleGrant(roleGrant({ role: 'host', editSecret: EDIT, viewSecret: VIEW }))).toBeNull();
    expect(readRoleGrant(roleGrant({ role: 'cohost', secret: HOST, editSecret: EDIT }))).toBeNull();
    expect(readRoleGrant('journey-canvas:role-grant:{"role":"view","editSecret":"e"}')).toBeNull();
  });
});

const host: LiveRec = {
  journeyId: 'j1',
  roomId: 'r'.repeat(22),
  secret: HOST,
  role: 'host',
  name: 'Fatima',
  editSecret: EDIT,
  viewSecret: VIEW,
  leading: true,
};
const guest: LiveRec = { journeyId: 'j1', roomId: host.roomId, secret: EDIT, role: 'guest', name: 'Dev' };

function run(rec: LiveRec, event: RoleEvent) {
  const saved: LiveRec[] = [];
  const toasts: string[] = [];
  const ctx: RoleContext = {
    rec,
    participants: [{ clientId: 42, name: 'Dev', color: '#2e86ab', me: false, selected: null, connected: true }],
    origin: 'https://example.test',
    save: (r) => saved.push(r),
    toast: (text) => toasts.push(text),
  };
  applyRole(event, ctx);
  return { saved, toasts };
}

describe('a role change on this device', () => {
  it('keeps the secret that now runs the room, and the links, for a reload', () => {
    const { saved, toasts } = run(guest, { grant: { role: 'host', secret: HOST, editSecret: EDIT, viewSecret: VIEW } });
    expect(saved).toEqual([
      { ...guest, role: 'host', secret: HOST, editSecret: EDIT, viewSecret: VIEW, leading: undefined },
    ]);
    expect(toasts).toEqual(['You are now the facilitator.']);
  });

  it('sends the old facilitator back to the edit link, no longer leading, told by name who runs it', () => {
    expect(recWithGrant(host, { role: 'edit', editSecret: EDIT })).toEqual({
      ...host,
      role: 'guest',
      secret: EDIT,
      leading: false,
    });
    expect(run(host, { grant: { role: 'edit', editSecret: EDIT } }).toasts).toEqual([]);
    expect(run(host, { done: { clientId: 42, role: 'host' } }).toasts).toEqual([
      'Dev is now the facilitator. You are a participant.',
    ]);
  });

  it('tells a co-facilitator when they become one and when they stop', () => {
    const co = recWithGrant(guest, { role: 'cohost', secret: HOST, editSecret: EDIT, viewSecret: VIEW });
    expect(co).toMatchObject({ role: 'cohost', secret: HOST });
    expect(run(guest, { grant: { role: 'cohost', secret: HOST, editSecret: EDIT, viewSecret: VIEW } }).toasts).toEqual([
      'You are now a co-facilitator.',
    ]);
    expect(run(co, { grant: { role: 'edit', editSecret: EDIT } }).toasts).toEqual([
      'You are no longer a co-facilitator.',
    ]);
    expect(run(host, { refused: true }).toasts[0]).toMatch(/could not be changed/);
  });
});
