import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { liveFixture } from './live-helpers';

const { start } = liveFixture();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the served app', () => {
  it('may not be framed, sends no referrer, serves no source map, and caches only hashed assets', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'jc-static-'));
    dirs.push(dir);
    mkdirSync(joinPath(dir, 'assets'));
    writeFileSync(joinPath(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(joinPath(dir, 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(joinPath(dir, 'assets', 'index-abc123.js.map'), '{"sources":["secret.ts"]}');
    const live = await start({ staticDir: dir });
    const page = await fetch(`${live.server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    const asset = await fetch(`${live.server.url}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${live.server.url}/assets/index-abc123.js.map`)).status).toBe(404);
    expect((await fetch(`${live.server.url}/assets/missing-000.js`)).status).toBe(404);
  });
});
