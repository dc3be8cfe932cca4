import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { journeyParts } from '../../src/domain/queries';
import { journeyFromTemplate } from '../../src/domain/template-journey';
import { LANE_KINDS } from '../../src/domain/types';
import { CONTENT_TEMPLATES, loadContentTemplate } from '../../src/templates/catalogue';
import { storeWith } from '../helpers/workspace';

const DIR = new URL('../../src/templates/en/', import.meta.url);

describe('built-in templates', () => {
  it('are one valid journey file each, and every file is listed', () => {
    const files = readdirSync(DIR).map((f) => f.replace('.journey.json', ''));
    expect(files.sort()).toEqual([...CONTENT_TEMPLATES].sort());
    for (const id of CONTENT_TEMPLATES) {
      const parsed = parseJourneyFile(readFileSync(new URL(`${id}.journey.json`, DIR), 'utf8'));
      expect(parsed.ok, `${id}: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`).toBe(true);
    }
  });

  it.each(CONTENT_TEMPLATES)(
    '%s has a persona, cards in every lane and every stage, connections and an emotion curve',
    async (id) => {
      const doc = await loadContentTemplate(id, 'en');
      const store = storeWith();
      store.dispatch(journeyFromTemplate(doc, { id: 'new', title: 'Workshop 3 May', personaId: null }));
      const parts = journeyParts(store.getDoc(), 'new')!;
      expect(parts.journey.title).toBe('Workshop 3 May');
      expect(parts.persona?.name).toBeTruthy();
      expect(parts.lanes.map((l) => l.kind).sort()).toEqual([...LANE_KINDS].sort());
      for (const lane of parts.lanes)
        expect(
          parts.cards.some((c) => c.laneId === lane.id),
          `${id} ${lane.kind}`,
        ).toBe(true);
      const emotions = parts.lanes.find((l) => l.kind === 'emotions')!;
      for (const stage of parts.stages) {
        expect(
          parts.cards.some((c) => c.stageId === stage.id),
          `${id} ${stage.name}`,
        ).toBe(true);
        expect(parts.cards.some((c) => c.stageId === stage.id && c.laneId === emotions.id)).toBe(true);
      }
      expect(parts.connections.length).toBeGreaterThanOrEqual(3);
      // Real words, not placeholders.
      expect(parts.cards.every((c) => c.title.length >= 4 && !/lorem|placeholder|todo|card \d/i.test(c.title))).toBe(
        true,
      );
    },
  );

  it('makes a second journey from the same template with the same persona, and takes a chosen persona instead', async () => {
    const doc = await loadContentTemplate('bankAccount', 'en');
    const store = storeWith();
    store.dispatch(journeyFromTemplate(doc, { id: 'a', title: 'A', personaId: null }));
    store.dispatch(journeyFromTemplate(doc, { id: 'b', title: 'B', personaId: null }));
    const ws = store.getDoc();
    expect(Object.keys(ws.personas)).toHaveLength(1);
    expect(ws.journeys.a!.personaId).toBe(ws.journeys.b!.personaId);
    expect(Object.values(ws.cards).filter((c) => c.journeyId === 'a')).toHaveLength(
      Object.values(ws.cards).filter((c) => c.journeyId === 'b').length,
    );
    const personaId = ws.journeys.a!.personaId!;
    store.dispatch(
      journeyFromTemplate(await loadContentTemplate('saasTrial', 'de-AT'), { id: 'c', title: 'C', personaId }),
    );
    expect(store.getDoc().journeys.c!.personaId).toBe(personaId);
    expect(Object.keys(store.getDoc().personas)).toHaveLength(1);
    expect(() => store.dispatch(journeyFromTemplate(doc, { id: 'd', title: '  ', personaId: null }))).toThrow(
      'titleRequired',
    );
  });

  it.each(['zh-Hans', 'zh-Hant', 'lv', 'ms'])(
    'are written in %s: the same journeys, cards and links as in English, in other words',
    async (language) => {
      for (const id of CONTENT_TEMPLATES) {
        const en = await loadContentTemplate(id, 'en');
        const doc = await loadContentTemplate(id, language);
        const shape = (d: typeof doc) =>
          JSON.stringify(d, (key, value: unknown) => (typeof value === 'string' && TEXT.has(key) ? '' : value));
        expect(shape(doc), id).toBe(shape(en));
        const enTitles = (en.journeys[0]!.cards ?? []).map((c) => c.title);
        const titles = (doc.journeys[0]!.cards ?? []).map((c) => c.title);
        expect(titles.length).toBeGreaterThan(20);
        const same = titles.filter((t, i) => t === enTitles[i]);
        expect(same, `${id} in ${language}`).toEqual([]);
        expect(doc.journeys[0]!.title).not.toBe(en.journeys[0]!.title);
      }
    },
  );

  it('follows the language, its base language, then English', async () => {
    expect((await loadContentTemplate('saasTrial', 'zh-Hant')).journeys[0]!.title).toBe('SaaS 試用與新手引導');
    expect((await loadContentTemplate('saasTrial', 'lv-LV')).journeys[0]!.title).toBe(
      'SaaS izmēģinājums un ievadīšana',
    );
    expect((await loadContentTemplate('saasTrial', 'de-AT')).journeys[0]!.title).toBe('SaaS trial and onboarding');
  });
});

// The fields whose words a translation changes; everything else (ids, kinds, scores) stays.
const TEXT = new Set([
  'title',
  'name',
  'notes',
  'role',
  'quote',
  'bio',
  'description',
  'scenario',
  'label',
  'owner',
  'unit',
  'goals',
  'frustrations',
  'needs',
  'motivations',
  'tags',
  'gender',
  '0',
  '1',
  '2',
  '3',
  '4',
]);
