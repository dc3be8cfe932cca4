import type { Document } from '@hocuspocus/server';
import type WebSocket from 'ws';
import type { LiveRole } from '../live/protocol';
import { roleDone, roleGrant, type GrantedRole, type RoleRequest } from '../live/role-messages';
import { hashSecret, type Access, type RoomStore } from './rooms';

/** What the server keeps of a connection (Hocuspocus' `context`): the hash of the secret it joined with. */
export interface RoomContext {
  access?: Access;
  /** Hex: whatever that secret allows now is asked of the database, message by message. */
  secretHash?: string;
}

const contextOf = (document: Document, ws: WebSocket): RoomContext | null => {
  const connection = document.connections.get(ws)?.connection;
  return connection ? ((connection.context ?? null) as RoomContext | null) : null;
};

/**
 * A connection's role now: what its secret allows in the database. A facilitator's secret that
 * was handed over, or a co-facilitator's taken back, runs nothing any more; its holder joined the
 * room through the edit link and stays a participant.
 */
export function currentRole(
  rooms: RoomStore,
  roomId: string,
  context: RoomContext | null,
  readOnly: boolean,
): LiveRole {
  if (readOnly || !context?.secretHash) return readOnly ? 'view' : (context?.access ?? 'view');
  const now = rooms.accessOf(roomId, Buffer.from(context.secretHash, 'hex'));
  if (now) return now;
  return context.access === 'host' || context.access === 'cohost' ? 'edit' : (context.access ?? 'view');
}

export interface RoleDeps {
  rooms: RoomStore;
  /** The socket of this room holding this awareness id (one of this process's), if any. */
  socketOf(document: Document, clientId: number): WebSocket | null;
  tell(document: Document, ws: WebSocket, payload: string): void;
}

/**
 * Makes the change a facilitator asked for, or nothing (false). Only the facilitator (not a
 * co-facilitator) changes roles; only a connected participant with the edit link (not a viewer)
 * is made one; the links the request carries must be the room's. The new secret goes to the
 * promoted person's connection alone; every connection whose secret stopped running the room is
 * told to go back to the edit link.
 */
export function changeRole(deps: RoleDeps, document: Document, from: WebSocket, request: RoleRequest): boolean {
  const { rooms } = deps;
  const roomId = document.name;
  const asker = contextOf(document, from);
  const askerConnection = document.connections.get(from)?.connection;
  if (!asker?.secretHash || !askerConnection || askerConnection.readOnly) return false;
  const askerHash = Buffer.from(asker.secretHash, 'hex');
  if (rooms.accessOf(roomId, askerHash) !== 'host') return false;
  if (rooms.access(roomId, request.editSecret) !== 'edit' || rooms.access(roomId, request.viewSecret) !== 'view')
    return false;
  const target = deps.socketOf(document, request.clientId);
  if (!target || target === from) return false;
  const targetConnection = document.connections.get(target)?.connection;
  const targetContext = contextOf(document, target);
  if (!targetConnection || targetConnection.readOnly || !targetContext?.secretHash) return false;
  const targetHash = Buffer.from(targetContext.secretHash, 'hex');
  const targetRole = currentRole(rooms, roomId, targetContext, false);
  // The same person on another device or tab: not someone else to hand the room to.
  if (targetHash.equals(askerHash)) return false;
  const links = { editSecret: request.editSecret, viewSecret: request.viewSecret };

  /** This connection holds `role`'s secret from now on, and is told it (only it). */
  const move = (ws: WebSocket, context: RoomContext, role: GrantedRole, secret: string) => {
    context.secretHash = hashSecret(secret).toString('hex');
    context.access = role;
    deps.tell(
      document,
      ws,
      roleGrant(role === 'edit' ? { role, editSecret: links.editSecret } : { role, secret, ...links }),
    );
  };
  /**
   * The one promoted: their connection alone when they came with the edit link (everyone with it
   * holds the same secret); every tab of theirs when they hold a co-facilitator's secret of their own.
   */
  const promote = (role: GrantedRole, secret: string) => {
    if (targetRole === 'cohost') moveAll(targetHash, role, secret);
    else move(target, targetContext, role, secret);
  };
  /** Every connection of this room holding `hash` (one person's own secret) now holds `role`'s. */
  const moveAll = (hash: Buffer, role: GrantedRole, secret: string) => {
    for (const [ws] of document.connections) {
      const context = contextOf(document, ws);
      if (context?.secretHash && Buffer.from(context.secretHash, 'hex').equals(hash)) move(ws, context, role, secret);
    }
  };

  let granted: GrantedRole;
  switch (request.change) {
    case 'hand-over': {
      if (targetRole !== 'edit' && targetRole !== 'cohost') return false;
      const secret = rooms.handOver(roomId, askerHash, targetRole === 'cohost' ? targetHash : null);
      if (!secret) return false;
      promote('host', secret);
      moveAll(askerHash, 'edit', links.editSecret);
      granted = 'host';
      break;
    }
    case 'co-facilitator': {
      if (targetRole !== 'edit') return false;
      const secret = rooms.addCohost(roomId);
      if (!secret) return false;
      promote('cohost', secret);
      granted = 'cohost';
      break;
    }
    case 'participant': {
      if (targetRole !== 'cohost' || !rooms.removeCohost(roomId, targetHash)) return false;
      moveAll(targetHash, 'edit', links.editSecret);
      granted = 'edit';
      break;
    }
  }
  deps.tell(document, from, roleDone({ clientId: request.clientId, role: granted }));
  return true;
}
