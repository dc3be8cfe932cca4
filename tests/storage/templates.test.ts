import { describe, expect, it } from 'vitest';
import { JourneyDb } from '../../src/storage/db';
import { freshDb, oldDb } from './storage-helpers';

describe('saved templates in IndexedDB', () => {
  it('opens a database written before templates were stored, keeping its live sessions, and keeps templates', async () => {
    const name = freshDb().name;
    const old = oldDb(name, 3);
    await old.table('live').put({ journeyId: 'j1', roomId: 'r', secret: 's', role: 'guest', name: 'Ana' });
    old.close();

    const db = new JourneyDb(name);
    expect(await db.live.get('j1')).toMatchObject({ name: 'Ana' });
    await db.templates.put({ id: 't1', name: 'Kündigung', createdAt: 1, file: '{"format":"journey-canvas"}' });
    db.close();
    const again = new JourneyDb(name);
    expect((await again.templates.toArray()).map((t) => t.name)).toEqual(['Kündigung']);
    again.close();
  });
});
