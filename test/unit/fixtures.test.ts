/**
 * The fixture workspace was annotated by hand, independently of the recognisers: every
 * figure and company mention in it must come out as annotated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';

const root = join(__dirname, '..', 'fixtures', 'workspace');
const expected = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'expected.json'), 'utf8'));
const user = parseUserEntities(readFileSync(join(root, '.digestlens', 'entities.json'), 'utf8'), 'entities.json');
const gazetteer = builtinGazetteer().withEntities(user.entities);

test('the fixture entity file loads without errors', () => {
  assert.deepEqual(user.errors, []);
  assert.deepEqual(user.entities.map((e) => e.id), expected.user_entities);
});

for (const [file, gold] of Object.entries<any>(expected.files)) {
  const text = readFileSync(join(root, file), 'utf8');
  const analysis = analyse(text, { gazetteer });

  test(`${file}: date`, () => assert.equal(analysis.date, gold.date));

  test(`${file}: every annotated figure, and nothing else`, () => {
    const got = analysis.figures.map((f) => ({ offset: f.offset, text: f.text, currency: f.currency, value: f.value, min: f.min, max: f.max, approximate: f.approximate, per: f.per }));
    const want = gold.figures.map((f: any) => ({ offset: f.offset, text: f.text, currency: f.currency, value: f.value, min: f.min, max: f.max, approximate: f.approximate, per: f.per }));
    assert.deepEqual(got, want);
  });

  test(`${file}: every annotated company mention with its id`, () => {
    const companyKinds = new Set(['company', 'exchange', 'media', 'candidate']);
    const got = analysis.mentions.filter((m) => companyKinds.has(m.kind)).map((m) => ({ offset: m.offset, text: m.text, id: m.id }));
    const want = gold.companies.map((c: any) => ({ offset: c.offset, text: c.text, id: c.id }));
    assert.deepEqual(got, want);
  });
}
