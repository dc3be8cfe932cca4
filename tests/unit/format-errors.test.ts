import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { describeIssue } from '../../src/i18n/format';
import '../../src/i18n';

type Json = Record<string, unknown>;

function validDoc(): Json {
  return {
    format: 'journey-canvas',
    version: 1,
    personas: [{ id: 'p1', name: 'Ana', avatar: { emoji: '🙂' } }],
    journeys: [
      {
        id: 'j1',
        title: 'Onboarding',
        personaId: 'p1',
        stages: [
          { id: 's1', name: 'Sign up' },
          { id: 's2', name: 'First use' },
        ],
        lanes: [
          { id: 'l-t', kind: 'touchpoints' },
          { id: 'l-e', kind: 'emotions' },
          { id: 'l-m', kind: 'metrics' },
        ],
        cards: [
          { id: 'c1', stageId: 's1', laneId: 'l-t', title: 'Signup form', channel: 'web' },
          { id: 'c2', stageId: 's1', laneId: 'l-e', title: 'Keen', score: 1 },
          { id: 'c3', stageId: 's2', laneId: 'l-m', title: 'CSAT', metric: 'CSAT', value: 4 },
        ],
        connections: [{ id: 'x1', from: 'c1', to: 'c3' }],
      },
    ],
  };
}

/** Parses a valid document changed by `edit` and returns the messages, as the user reads them. */
function errorsAfter(edit: (doc: Json & { journeys: Json[]; personas: Json[] }) => void): string[] {
  const doc = validDoc() as Json & { journeys: Json[]; personas: Json[] };
  edit(doc);
  const result = parseJourneyFile(JSON.stringify(doc));
  if (result.ok) return [];
  return result.issues.map(describeIssue);
}

const journey = (doc: { journeys: Json[] }) =>
  doc.journeys[0] as Json & { cards: Json[]; lanes: Json[]; stages: Json[]; connections: Json[] };
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('parseJourneyFile accepts', () => {
  it('the base document of these tests', () => {
    expect(errorsAfter(() => {})).toEqual([]);
  });
  it('a PNG avatar, a personas-only file, unknown fields, and a byte-order mark', () => {
    expect(
      errorsAfter((d) => ((d.personas[0] as Json).avatar = { image: `data:image/png;base64,${PNG_1PX}` })),
    ).toEqual([]);
    expect(errorsAfter((d) => (d.journeys = []))).toEqual([]);
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).colour = 'teal'))).toEqual([]);
    expect(parseJourneyFile('\uFEFF' + JSON.stringify(validDoc())).ok).toBe(true);
  });
});

describe('parseJourneyFile refuses, naming the problem and its path', () => {
  it('text that is not JSON', () => {
    const r = parseJourneyFile('{"format": "journey-canvas", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeIssue(r.issues[0]!)).toBe('This is not a JSON file: it breaks off at line 1, column 30.');
    const broken = parseJourneyFile('{\n  "format": "journey-canvas",\n  "version": 1 "journeys": []\n}');
    if (!broken.ok)
      expect(describeIssue(broken.issues[0]!)).toBe('This is not a JSON file: it breaks off at line 3, column 16.');
    else expect.fail('accepted broken JSON');
  });
  it('a picture or other binary file, without quoting its bytes', () => {
    const r = parseJourneyFile('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    if (!r.ok) expect(describeIssue(r.issues[0]!)).toBe('This is not a JSON file: it does not begin with “{”.');
    else expect.fail('accepted a picture');
  });
  it('an empty file and an empty document', () => {
    const empty = parseJourneyFile('   ');
    expect(!empty.ok && describeIssue(empty.issues[0]!)).toBe('The file is empty.');
    expect(
      errorsAfter((d) => {
        d.journeys = [];
        d.personas = [];
      }),
    ).toEqual(['The file holds no journeys and no personas.']);
    const bare = parseJourneyFile('{}');
    expect(!bare.ok && bare.issues[0]!.code).toBe('wrongFormat');
  });
  it('a wrong format', () => {
    expect(errorsAfter((d) => (d.format = 'miro-board'))).toEqual([
      'format: This is not a Journey Canvas file: "format" must be "journey-canvas".',
    ]);
  });
  it('version 2, saying which version it is and which this app reads', () => {
    expect(errorsAfter((d) => (d.version = 2))).toEqual(['version: This file is version 2; this app reads version 1.']);
    expect(errorsAfter((d) => (d.version = '1'))).toEqual(['version: must be a whole number, 1 or higher']);
  });
  it('missing required fields', () => {
    expect(errorsAfter((d) => Reflect.deleteProperty(journey(d), 'title'))).toEqual(['journeys[0].title: is required']);
    expect(errorsAfter((d) => Reflect.deleteProperty(d, 'journeys'))).toEqual(['journeys: is required']);
    expect(errorsAfter((d) => delete (journey(d).cards[1] as Json).score)).toEqual([
      'journeys[0].cards[1].score: an emotion card needs a score from -2 to 2',
    ]);
    expect(errorsAfter((d) => delete (journey(d).cards[2] as Json).metric)).toEqual([
      'journeys[0].cards[2].metric: a metrics card needs a metric',
    ]);
    expect(errorsAfter((d) => (journey(d).stages = []))).toContain('journeys[0].stages: must have at least one item');
  });
  it('duplicate ids', () => {
    expect(errorsAfter((d) => ((journey(d).cards[1] as Json).id = 'c1'))).toEqual([
      'journeys[0].cards[1].id: the id "c1" is used twice',
    ]);
    expect(errorsAfter((d) => d.journeys.push({ ...journey(d) }))).toEqual([
      'journeys[1].id: the id "j1" is used twice',
    ]);
  });
  it('references to missing stages, lanes, personas and cards', () => {
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).stageId = 's9'))).toEqual([
      'journeys[0].cards[0].stageId: names stage "s9", which this journey does not have',
    ]);
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).laneId = 'l9'))).toEqual([
      'journeys[0].cards[0].laneId: names lane "l9", which this journey does not have',
    ]);
    expect(errorsAfter((d) => (journey(d).personaId = 'p9'))).toEqual([
      'journeys[0].personaId: names persona "p9", which this file does not have',
    ]);
    expect(errorsAfter((d) => ((journey(d).connections[0] as Json).to = 'c9'))).toEqual([
      'journeys[0].connections[0].to: names card "c9", which this journey does not have',
    ]);
  });
  it('a connection from a card to itself', () => {
    expect(errorsAfter((d) => ((journey(d).connections[0] as Json).to = 'c1'))).toEqual([
      'journeys[0].connections[0].to: a connection must join two different cards',
    ]);
  });
  it('a field of another card kind', () => {
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).score = 1))).toEqual([
      'journeys[0].cards[0].score: "score" does not belong on a card of the touchpoints lane',
    ]);
  });
  it('a KPI link to a card that is not a metric of the journey, and a journey its own current state', () => {
    const errors = errorsAfter((d) => {
      const j = journey(d);
      j.lanes.push({ id: 'l-o', kind: 'opportunities' });
      j.cards.push({ id: 'o1', stageId: 's1', laneId: 'l-o', title: 'Faster form', kpiCardId: 'c1' });
      j.cards.push({ id: 'o2', stageId: 's1', laneId: 'l-o', title: 'Help text', kpiCardId: 'nope' });
      j.cards.push({ id: 'o3', stageId: 's1', laneId: 'l-o', title: 'Fine', kpiCardId: 'c3' });
      j.currentStateId = 'j1';
    });
    expect(errors).toEqual([
      'journeys[0].cards[3].kpiCardId: names card "c1", which is not a metric card of this journey',
      'journeys[0].cards[4].kpiCardId: names card "nope", which is not a metric card of this journey',
      'journeys[0].currentStateId: a journey cannot be the current state of itself',
    ]);
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).kpiCardId = 'c3'))).toEqual([
      'journeys[0].cards[0].kpiCardId: "kpiCardId" does not belong on a card of the touchpoints lane',
    ]);
  });
  it('a score of 3 or 1.5', () => {
    for (const score of [3, 1.5, -3, '1']) {
      expect(errorsAfter((d) => ((journey(d).cards[1] as Json).score = score))).toEqual([
        'journeys[0].cards[1].score: must be an integer from -2 to 2',
      ]);
    }
  });
  it('avatars that are remote, javascript:, SVG, mislabelled or too large', () => {
    const avatarError = (image: string) => errorsAfter((d) => ((d.personas[0] as Json).avatar = { image }));
    expect(avatarError('https://example.com/a.png')).toEqual([
      'personas[0].avatar: must be an embedded image (a data: URL), not a link',
    ]);
    expect(avatarError('javascript:alert(1)')).toEqual(['personas[0].avatar: javascript: addresses are not allowed']);
    expect(avatarError('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toEqual([
      'personas[0].avatar: SVG images are not allowed; use PNG, JPEG, WebP or GIF',
    ]);
    expect(avatarError(`data:image/jpeg;base64,${PNG_1PX}`)).toEqual([
      'personas[0].avatar: must be a base64 PNG, JPEG, WebP or GIF image',
    ]);
    const big = 'iVBORw0KGgo' + 'A'.repeat(1.5 * 1024 * 1024);
    expect(avatarError(`data:image/png;base64,${big}`)).toEqual(['personas[0].avatar: must be at most 1 MiB']);
  });
  it('titles over the limit, blank titles and card titles over 500 characters', () => {
    expect(errorsAfter((d) => (journey(d).title = 'x'.repeat(201)))).toEqual([
      'journeys[0].title: must be at most 200 characters',
    ]);
    expect(errorsAfter((d) => (journey(d).title = '   '))).toEqual(['journeys[0].title: must not be empty']);
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).title = 'y'.repeat(501)))).toEqual([
      'journeys[0].cards[0].title: must be at most 500 characters',
    ]);
  });
  it('__proto__ and constructor keys, without polluting any prototype', () => {
    const text = JSON.stringify(validDoc()).replace(
      '"title":"Signup form"',
      '"title":"Signup form","__proto__":{"polluted":true}',
    );
    const r = parseJourneyFile(text);
    expect(!r.ok && r.issues.map(describeIssue)).toEqual(['journeys[0].cards[0].__proto__: this key is not allowed']);
    expect(({} as Json).polluted).toBeUndefined();
    const withConstructor = JSON.stringify(validDoc()).replace(
      /^\{/,
      '{"constructor":{"prototype":{"polluted":true}},',
    );
    const r2 = parseJourneyFile(withConstructor);
    expect(!r2.ok && r2.issues.map(describeIssue)).toEqual(['constructor: this key is not allowed']);
    expect(({} as Json).polluted).toBeUndefined();
  });
  it('two lanes of one kind (other than notes)', () => {
    expect(errorsAfter((d) => journey(d).lanes.push({ id: 'l-t2', kind: 'touchpoints' }))).toEqual([
      'journeys[0].lanes[3].kind: a journey can have only one touchpoints lane',
    ]);
    expect(errorsAfter((d) => journey(d).lanes.push({ id: 'n1', kind: 'notes' }, { id: 'n2', kind: 'notes' }))).toEqual(
      [],
    );
  });
  it('a bad colour, channel and age', () => {
    expect(errorsAfter((d) => ((d.personas[0] as Json).color = 'red'))).toEqual([
      'personas[0].color: must be a colour written #rrggbb',
    ]);
    expect(errorsAfter((d) => ((journey(d).cards[0] as Json).channel = 'fax'))).toEqual([
      expect.stringMatching(/^journeys\[0\]\.cards\[0\]\.channel: must be one of: web, mobileApp/),
    ]);
    expect(errorsAfter((d) => ((d.personas[0] as Json).age = 200))).toEqual([
      'personas[0].age: must be a whole number from 0 to 150',
    ]);
  });
  it('reports at most 20 problems and counts the rest', () => {
    const r = parseJourneyFile(
      JSON.stringify({
        ...validDoc(),
        journeys: Array.from({ length: 30 }, (_, i) => ({ id: `j${i}`, stages: [], lanes: [] })),
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(20);
      expect(r.total).toBe(90);
    }
  });
});

describe('deeply nested files', () => {
  const nested = (levels: number) => {
    const text = JSON.stringify({ ...validDoc(), extra: '@@' });
    return text.replace('"@@"', '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
  };

  it('refuses nesting beyond the limit at once, naming where, even a million levels deep', () => {
    for (const levels of [100_000, 1_000_000]) {
      const result = parseJourneyFile(nested(levels));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([
        { path: '', code: 'tooDeep', params: { max: 64, line: 1, column: expect.any(Number) } },
      ]);
      expect(describeIssue(result.issues[0]!)).toMatch(/more than 64 levels deep/);
    }
  });

  it('accepts unknown fields nested within the limit, and finds a forbidden key deep inside', () => {
    expect(parseJourneyFile(nested(50)).ok).toBe(true);
    const text = JSON.stringify({ ...validDoc(), extra: '@@' }).replace(
      '"@@"',
      '{"a":'.repeat(40) + '{"__proto__":1}' + '}'.repeat(40),
    );
    const result = parseJourneyFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toEqual({ path: `extra${'.a'.repeat(40)}.__proto__`, code: 'forbiddenKey' });
  });

  it('skips brackets inside strings when it counts the depth', () => {
    const doc = validDoc();
    (doc.journeys as Json[])[0]!.description = '['.repeat(500) + '{'.repeat(500) + '\\"[[[';
    expect(parseJourneyFile(JSON.stringify(doc)).ok).toBe(true);
  });
});
