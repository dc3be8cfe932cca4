import { Worker } from 'node:worker_threads';
import type { Refusal, RoomLimits } from './update-check';
import { RoomWorkCore, type RoomWork, type WorkRequest } from './room-work';

type Answer = { id: number; answer?: unknown; error?: string };

/** The work done in the calling thread: where a worker cannot start, and in tests of the work itself. */
export class InlineRoomWork implements RoomWork {
  private readonly core: RoomWorkCore;

  constructor(limits: RoomLimits) {
    this.core = new RoomWorkCore(limits);
  }

  run<T>(request: WorkRequest): Promise<T> {
    try {
      const { answer, then } = this.core.handle(request);
      if (then) setImmediate(then);
      return Promise.resolve(answer as T);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  load = (room: string, parts: Uint8Array[]) => this.run<Uint8Array[]>({ kind: 'load', room, parts });
  merge = (parts: Uint8Array[]) => this.run<Uint8Array | null>({ kind: 'merge', parts });
  check = (room: string, update: Uint8Array, facilitator: boolean) =>
    this.run<Refusal | null | 'unknown'>({ kind: 'check', room, update, facilitator });
  open = (room: string, state: Uint8Array) => void this.run({ kind: 'open', room, state });
  follow = (room: string, update: Uint8Array) => void this.run({ kind: 'follow', room, update });
  drop = (room: string) => void this.run({ kind: 'drop', room });
  close = () => Promise.resolve();
}

/**
 * The work done in a worker thread. A worker that dies (out of memory on a hostile change, say)
 * fails what it was asked and is started again on the next request; it then knows no room, and
 * each is opened again from the room's document as its next change is checked. A worker that
 * cannot start at all (no TypeScript loader where the server runs) leaves the work to this thread.
 */
export class RoomThread implements RoomWork {
  private worker: Worker | null = null;
  private started = false;
  private inline: InlineRoomWork | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { done: (answer: unknown) => void; fail: (error: Error) => void }>();

  constructor(private readonly limits: RoomLimits) {}

  private start(): Worker | null {
    if (this.inline) return null;
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./room-worker.mjs', import.meta.url), {
      workerData: { limits: this.limits },
      execArgv: [],
    });
    // The server's sockets keep the process alive, not this thread.
    worker.unref();
    worker.on('message', ({ id, answer, error }: Answer) => {
      if (id === 0) return void (this.started = true);
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      if (error === undefined) waiter?.done(answer);
      else waiter?.fail(new Error(error));
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.started) {
        console.error('room worker could not start; the work stays on the main thread:', error.message);
        this.inline = new InlineRoomWork(this.limits);
      }
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const { fail } of waiting) fail(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`room worker exited (${code})`)));
    return (this.worker = worker);
  }

  private request<T>(request: WorkRequest): Promise<T> {
    const worker = this.start();
    if (!worker) return this.viaInline<T>(request);
    const id = this.next++;
    return new Promise<T>((done, fail) => {
      this.waiting.set(id, { done: done as (answer: unknown) => void, fail });
      worker.postMessage({ id, request });
    }).catch((error: Error) => {
      // Started in the meantime on this thread: asked again there.
      if (this.inline) return this.viaInline<T>(request);
      throw error;
    });
  }

  private viaInline<T>(request: WorkRequest): Promise<T> {
    return this.inline!.run<T>(request);
  }

  private post(request: WorkRequest): void {
    const worker = this.start();
    if (worker) worker.postMessage({ id: 0, request });
    else void this.inline!.run(request);
  }

  load = (room: string, parts: Uint8Array[]) => this.request<Uint8Array[]>({ kind: 'load', room, parts });
  merge = (parts: Uint8Array[]) => this.request<Uint8Array | null>({ kind: 'merge', parts });
  check = (room: string, update: Uint8Array, facilitator: boolean) =>
    this.request<Refusal | null | 'unknown'>({ kind: 'check', room, update, facilitator });
  open = (room: string, state: Uint8Array) => this.post({ kind: 'open', room, state });
  follow = (room: string, update: Uint8Array) => this.post({ kind: 'follow', room, update });
  drop = (room: string) => this.post({ kind: 'drop', room });

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
