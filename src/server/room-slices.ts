import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Structs of one client, in clock order, with no gap (a gap is itself a `Skip`). */
type Struct = Y.Item | Y.GC | Y.Skip;

interface Slice {
  client: number;
  structs: Struct[];
  /** For each other client, the clock this slice's structs point at (it must be there first). */
  needs: Map<number, number>;
}

/** A struct's references to other structs: its neighbours when inserted, and its parent. */
function needsOf(struct: Struct, needs: Map<number, number>): void {
  if (!(struct instanceof Y.Item)) return;
  const ids: (Y.ID | null)[] = [struct.origin, struct.rightOrigin];
  if (struct.parent instanceof Y.ID) ids.push(struct.parent);
  for (const id of ids) {
    if (!id || id.client === struct.id.client) continue;
    needs.set(id.client, Math.max(needs.get(id.client) ?? 0, id.clock + 1));
  }
}

function encodeSlice({ client, structs }: Slice): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, structs.length);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock);
  for (const struct of structs) struct.write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions: they come last, once everything is there
  return encoder.toUint8Array();
}

function encodeDeletions(ds: { clients: Map<number, { clock: number; len: number }[]> }): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0);
  encoding.writeVarUint(encoder.restEncoder, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/**
 * One update cut into updates of at most `maxStructs` structs each, which applied one after the
 * other in the order given make the same document as the whole: a large room is loaded slice by
 * slice, letting the server answer others in between, where one `applyUpdate` would hold it for
 * a second. Slices are ordered so that what a slice points at (another participant's structs)
 * is already there; deletions come last.
 */
export function sliceUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const queues = new Map<number, Slice[]>();
  for (const struct of structs as Struct[]) {
    const client = struct.id.client;
    let queue = queues.get(client);
    if (!queue) queues.set(client, (queue = []));
    let slice = queue[queue.length - 1];
    if (!slice || slice.structs.length >= maxStructs) queue.push((slice = { client, structs: [], needs: new Map() }));
    slice.structs.push(struct);
    needsOf(struct, slice.needs);
  }
  const applied = new Map<number, number>();
  const ready = (slice: Slice) => [...slice.needs].every(([client, clock]) => (applied.get(client) ?? 0) >= clock);
  const out: Uint8Array[] = [];
  for (;;) {
    const waiting = [...queues.values()].filter((queue) => queue.length > 0);
    if (waiting.length === 0) break;
    // A slice whose references are all there; failing that (they point at each other), any: Yjs
    // keeps what cannot be placed yet and places it when the rest arrives.
    const queue = waiting.find((q) => ready(q[0]!)) ?? waiting[0]!;
    const slice = queue.shift()!;
    const last = slice.structs[slice.structs.length - 1]!;
    applied.set(slice.client, last.id.clock + last.length);
    out.push(encodeSlice(slice));
  }
  if (ds.clients.size > 0) out.push(encodeDeletions(ds));
  return out;
}
