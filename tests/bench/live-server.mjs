/**
 * The live server's own figures (`npm run bench`, or alone: `node --import tsx
 * tests/bench/live-server.mjs`): how it answers others while a large room loads, what idle sockets
 * cost, how many rooms it loads a second, and how fast clients are back after a restart. The
 * server runs as its own process, as `npm run serve` starts it, so its memory is its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { connect } from '../server/live-helpers.ts';
import { RawClient } from '../server/raw-client.ts';

const sleep = (t) => new Promise((r) => setTimeout(r, t));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sorted = (xs) => [...xs].sort((a, b) => a - b);

async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

/** Resident memory of a process, in MB (Linux' /proc). */
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** `npm run serve`'s server as a process; `restart` stops it (SIGTERM) and starts it again on the same port and data. */
async function serverProcess(root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jc-bench-server-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Rooms larger than the default limits, and more of them than one address may make in an hour.
    LIVE_MAX_ROOM_RECORDS: '20000',
    LIVE_MAX_ROOM_BYTES: String(64 * 1024 * 1024),
    LIVE_ROOMS_PER_HOUR: '100000',
  };
  let proc = null;
  const start = async () => {
    proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((ready, fail) => {
      proc.stdout.on('data', (chunk) => String(chunk).includes('served at') && ready());
      proc.on('exit', (code) => fail(new Error(`the live server exited (${code})`)));
    });
    return performance.now();
  };
  const stop = async () => {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/live`,
    pid: () => proc.pid,
    async createRoom() {
      return (await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST' })).json();
    },
    async restart() {
      await stop();
      return start();
    },
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cards as the app writes them into a room (records as maps), in transactions of 250. */
function addCards(doc, count, from = 0) {
  const cards = doc.getMap('cards');
  for (let start = from; start < from + count; start += 250) {
    doc.transact(() => {
      for (let i = start; i < Math.min(start + 250, from + count); i++) {
        const card = new Y.Map();
        const rec = {
          id: `card-${i}`,
          journeyId: 'j1',
          stageId: `s${i % 8}`,
          laneId: `l${i % 6}`,
          order: `a${i}`,
          title: `Card ${i}: the customer compares plans before calling`,
          notes: 'Seen in three of five interviews; the price page is the first stop.',
        };
        for (const [k, v] of Object.entries(rec)) card.set(k, v);
        cards.set(rec.id, card);
      }
    });
  }
}

/** A client's changes, until the server has confirmed them all. */
async function confirmed(client) {
  while (client.provider.unsyncedChanges > 0) await sleep(20);
}

/** Asks the server for its health check one request after the other, noting each answer's time. */
function pollHealth(url) {
  const times = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${url}/healthz`)).text();
      times.push(performance.now() - t0);
      await sleep(5);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return sorted(times);
    },
  };
}

export async function benchLiveServer({ root, record, median, ms, runs }) {
  const server = await serverProcess(root);
  try {
    // 7h. A 10,000-card room loading (a participant joins it after a restart) while another
    // client asks the server for anything: how long that other request waits.
    {
      const room = await server.createRoom();
      const writer = connect(server.wsUrl, room.roomId, room.editSecret);
      await writer.synced;
      addCards(writer.doc, 10_000);
      await confirmed(writer);
      writer.close();
      const loads = [];
      const during = [];
      const idle = [];
      for (let run = 0; run < Math.min(runs, 3); run++) {
        await server.restart();
        const quiet = pollHealth(server.url);
        await sleep(1000);
        idle.push(...(await quiet.stop()));
        const busy = pollHealth(server.url);
        await sleep(100);
        // A raw client, which does not decode what it gets: this process must stay free to time
        // the other requests.
        const t0 = performance.now();
        const reader = await RawClient.open(server.wsUrl);
        await reader.authenticate(room.roomId, room.viewSecret);
        const state = await reader.wholeState(room.roomId);
        loads.push(performance.now() - t0);
        await sleep(100);
        during.push(...(await busy.stop()));
        reader.close();
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        const cards = doc.getMap('cards').size;
        if (cards !== 10_000) throw new Error(`the room loaded ${cards} cards, not 10,000`);
      }
      const d = sorted(during);
      const i = sorted(idle);
      record(
        'Live server: an HTTP request while a 10,000-card room loads (p95)',
        ms(pct(d, 0.95)),
        `idle server ${ms(pct(i, 0.95))}; longest ${ms(d.at(-1))}; the room loads in ${ms(median(loads))}`,
        '≤ 100 ms',
      );
    }

    // 7i. Rooms loaded per second: 100 rooms of 200 cards each, all joined at once after a restart.
    {
      const rooms = [];
      for (let i = 0; i < 100; i++) {
        const room = await server.createRoom();
        const c = connect(server.wsUrl, room.roomId, room.editSecret);
        await c.synced;
        addCards(c.doc, 200);
        await confirmed(c);
        c.close();
        rooms.push(room);
      }
      const rates = [];
      for (let run = 0; run < Math.min(runs, 3); run++) {
        await server.restart();
        const t0 = performance.now();
        const clients = await Promise.all(
          rooms.map(async (room) => {
            const c = await RawClient.open(server.wsUrl);
            await c.authenticate(room.roomId, room.viewSecret);
            await c.wholeState(room.roomId);
            return c;
          }),
        );
        rates.push(rooms.length / ((performance.now() - t0) / 1000));
        for (const c of clients) c.close();
      }
      record(
        'Live server: rooms of 200 cards loaded per second (100 joined at once)',
        `${median(rates).toFixed(0)}/s`,
        '',
        'reported',
      );

      // 7j. Memory of idle sockets: on a fresh process, one socket in each of 10 rooms first (the
      // rooms loaded), then 900 more (90 a room).
      await server.restart();
      const sockets = [];
      const open = async (room) => {
        const c = await RawClient.open(server.wsUrl);
        if ((await c.authenticate(room.roomId, room.viewSecret)) === 'no answer') throw new Error('no answer');
        sockets.push(c);
      };
      const ten = rooms.slice(0, 10);
      for (const room of ten) await open(room);
      await sleep(3000);
      const before = rss(server.pid());
      for (let k = 0; k < 90; k++) for (const room of ten) await open(room);
      await sleep(3000);
      const after = rss(server.pid());
      record(
        'Live server: memory of 100 idle authenticated sockets',
        `${((after - before) / 9).toFixed(1)} MB`,
        `${before.toFixed(0)} MB resident with 10 rooms and a socket in each`,
        '≤ 10 MB',
      );
      for (const c of sockets) c.close();

      // 7k. A restart (SIGTERM, then the process started again): from the server answering until
      // every one of 20 connected clients is back and synced.
      const backs = [];
      for (let run = 0; run < Math.min(runs, 3); run++) {
        const clients = rooms.slice(0, 20).map((room) => connect(server.wsUrl, room.roomId, room.editSecret));
        await Promise.all(clients.map((c) => c.synced));
        const back = clients.map(
          (c) =>
            new Promise((done) => {
              let lost = false;
              c.provider.on('status', ({ status }) => {
                if (status !== 'connected') lost = true;
              });
              c.provider.on('synced', ({ state }) => {
                if (lost && state) done(performance.now());
              });
            }),
        );
        const answering = await server.restart();
        const times = await Promise.all(back);
        backs.push(Math.max(...times) - answering);
        for (const c of clients) c.close();
      }
      record(
        'Live server: after a restart, until 20 connected clients are back and synced (slowest)',
        ms(median(backs)),
        '',
        '≤ 3000 ms',
      );
    }
  } finally {
    await server.close();
  }
}

// Alone: prints the figures.
if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const median = (xs) => {
    const s = sorted(xs);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  await benchLiveServer({
    root: resolve(import.meta.dirname, '../..'),
    record: (name, value, baseline, target) => console.log(`${name}: ${value} (${baseline || '–'}; target ${target})`),
    median,
    ms: (n) => `${n.toFixed(0)} ms`,
    runs: Number(process.env.BENCH_RUNS ?? 3),
  });
  process.exit(0);
}
