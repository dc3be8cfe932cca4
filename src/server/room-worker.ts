import { parentPort, workerData } from 'node:worker_threads';
import { RoomWorkCore, type WorkRequest } from './room-work';
import type { RoomLimits } from './update-check';

/** The room worker thread (started by `RoomThread`): answers each request in the order it came. */
const core = new RoomWorkCore((workerData as { limits: RoomLimits }).limits);
parentPort!.on('message', ({ id, request }: { id: number; request: WorkRequest }) => {
  let then: (() => void) | undefined;
  try {
    const done = core.handle(request);
    then = done.then;
    if (id) parentPort!.postMessage({ id, answer: done.answer });
  } catch (error) {
    if (id) parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  then?.();
});
// Loaded: from now on a lost worker is a crash to recover from, not one that cannot start.
parentPort!.postMessage({ id: 0 });
