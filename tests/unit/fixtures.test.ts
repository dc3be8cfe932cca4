import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../src/domain/format/serialize';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { describeIssue } from '../../src/i18n/format';
import '../../src/i18n';
import { canonicalize } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const fixtures = resolve(import.meta.dirname, '../fixtures');

describe('the repository’s own fixtures', () => {
  it('reads a journey in Arabic, Hebrew, Japanese, Chinese, Thai and Hindi and writes it back the same', () => {
    const text = readFileSync(resolve(fixtures, 'multilingual.journey.json'), 'utf8');
    const store = storeWith(text);
    const ws = store.getDoc();
    const original = JSON.parse(text) as { journeys: { id: string }[] };
    const exported = exportDocument(
      ws,
      original.journeys.map((j) => j.id),
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(canonicalize(exported)).toEqual(canonicalize(original as never));
  });

  it('refuses every bad file with words a person can act on, naming where', () => {
    const expected: Record<string, RegExp> = {
      'not-json.journey.json': /not a JSON file: it ends too early|breaks off at line/,
      'wrong-format.journey.json': /not a Journey Canvas file/,
      'newer-version.journey.json': /version 9; this app reads version 1/,
      'forbidden-key.journey.json': /not allowed/,
      'dangling-references.journey.json': /nobody|s-missing|c-missing/,
      'picture.journey.json': /does not begin with “\{”/,
    };
    const files = readdirSync(resolve(fixtures, 'bad'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const name of files) {
      const result = parseJourneyFile(readFileSync(resolve(fixtures, 'bad', name), 'latin1'));
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.issues.map(describeIssue).join('\n'), name).toMatch(expected[name]!);
    }
  });
});
