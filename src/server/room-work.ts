import * as Y from 'yjs';
import { sliceUpdate } from './room-slices';
import { RoomCheck, type Refusal, type RoomLimits } from './update-check';

/**
 * The heavy part of serving a room, kept off the thread that answers every client: merging what
 * is stored, cutting it into slices to load, and checking each change against a copy of the room.
 * On a 10,000-card room each of these takes hundreds of milliseconds; on the main thread they
 * would hold every other room and request that long.
 */
export interface RoomWork {
  /** Merges a room's stored parts, keeps a copy to check changes against, and returns slices to apply in order. */
  load(room: string, parts: Uint8Array[]): Promise<Uint8Array[]>;
  /** The parts merged into one update (null: none). */
  merge(parts: Uint8Array[]): Promise<Uint8Array | null>;
  /** Null when a participant's update may go into the room; 'unknown' when no copy of the room is kept here. */
  check(room: string, update: Uint8Array, facilitator: boolean): Promise<Refusal | null | 'unknown'>;
  /** Keeps a copy of a room made from its whole state (after `check` answered 'unknown'). */
  open(room: string, state: Uint8Array): void;
  /** A change the room took that was not checked here (relayed from another process). */
  follow(room: string, update: Uint8Array): void;
  /** The room unloaded: its copy goes. */
  drop(room: string): void;
  close(): Promise<void>;
}

/** Structs per slice: applying one takes ~10 ms on a slow machine (~40 ms the first time, before the JIT has warmed). */
const SLICE_STRUCTS = 1_000;

export type WorkRequest =
  | { kind: 'load'; room: string; parts: Uint8Array[] }
  | { kind: 'merge'; parts: Uint8Array[] }
  | { kind: 'check'; room: string; update: Uint8Array; facilitator: boolean }
  | { kind: 'open'; room: string; state: Uint8Array }
  | { kind: 'follow'; room: string; update: Uint8Array }
  | { kind: 'drop'; room: string };

const merged = (parts: Uint8Array[]): Uint8Array | null =>
  parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);

/**
 * The work itself, synchronous: what the worker thread runs (and what runs in the calling thread
 * when no worker can be started). `then` runs after the answer is sent, for work nobody waits on.
 */
export class RoomWorkCore {
  private readonly rooms = new Map<string, RoomCheck>();

  constructor(private readonly limits: RoomLimits) {}

  handle(request: WorkRequest): { answer?: unknown; then?: () => void } {
    switch (request.kind) {
      case 'load': {
        const whole = merged(request.parts);
        const slices = whole ? sliceUpdate(whole, SLICE_STRUCTS) : [];
        return { answer: slices, then: () => this.open(request.room, whole ?? Y.encodeStateAsUpdate(new Y.Doc())) };
      }
      case 'merge':
        return { answer: merged(request.parts) };
      case 'check': {
        const room = this.rooms.get(request.room);
        return { answer: room ? room.check(request.update, request.facilitator) : 'unknown' };
      }
      case 'open':
        this.open(request.room, request.state);
        return {};
      case 'follow':
        this.rooms.get(request.room)?.follow(request.update);
        return {};
      case 'drop':
        this.rooms.get(request.room)?.destroy();
        this.rooms.delete(request.room);
        return {};
    }
  }

  private open(room: string, state: Uint8Array): void {
    this.rooms.get(room)?.destroy();
    this.rooms.set(room, new RoomCheck(state, this.limits));
  }
}
