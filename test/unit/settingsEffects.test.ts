import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, validateSettings, type DigestSettings } from '../../server/src/settings';
import { changedSettings, effectOfChange, SETTING_EFFECTS, type IndexInputs } from '../../server/src/settingsEffects';

const PACKAGE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** Every setting of package.json's contributes.configuration, without the "digestLens." prefix. */
function contributedSettings(): string[] {
  const sections = [PACKAGE.contributes.configuration].flat();
  return sections.flatMap((s: { properties: Record<string, unknown> }) => Object.keys(s.properties)).map((k) => {
    assert.ok(k.startsWith('digestLens.'), `${k} is not under digestLens.`);
    return k.slice('digestLens.'.length);
  });
}

test('every setting of package.json is classified as needing a re-index or a refresh, and nothing else is', () => {
  const contributed = contributedSettings();
  assert.ok(contributed.length >= 14);
  for (const key of contributed) assert.ok(Object.hasOwn(SETTING_EFFECTS, key), `digestLens.${key} is missing from SETTING_EFFECTS (settingsEffects.ts)`);
  assert.deepEqual(Object.keys(SETTING_EFFECTS).sort(), [...contributed].sort(), 'SETTING_EFFECTS names a setting package.json does not have');
  // Every setting the server validates is in package.json too.
  for (const key of Object.keys(DEFAULT_SETTINGS)) assert.ok(contributed.includes(key), key);
});

test('only the settings that decide which files are digests or how they are analysed need a re-index', () => {
  const reindex = Object.entries(SETTING_EFFECTS).filter(([, e]) => e === 'reindex').map(([k]) => k).sort();
  assert.deepEqual(reindex, ['entitiesFile', 'exclude', 'include', 'maxFileSize', 'themesFile']);
});

const settings = (raw: Record<string, unknown>): DigestSettings => validateSettings(raw).settings;
const inputs = (raw: Record<string, unknown>, filesExclude: string[] = [], folder = 'file:///ws'): Map<string, IndexInputs> => new Map([[folder, { settings: settings(raw), filesExclude }]]);

test('the settings that changed between two states of a folder', () => {
  assert.deepEqual(changedSettings(settings({}), settings({})), []);
  assert.deepEqual(changedSettings(settings({ baseCurrency: 'eur' }), settings({ baseCurrency: 'EUR' })), []);
  assert.deepEqual(changedSettings(settings({ rateOverrides: { CNY: 7, EUR: 0.9 } }), settings({ rateOverrides: { EUR: 0.9, CNY: 7 } })), [], 'key order of a map does not count');
  assert.deepEqual(changedSettings(settings({ include: ['a/**'] }), settings({ include: ['a/**', 'b/**'] })), ['include']);
  assert.deepEqual(changedSettings(settings({ displayCurrencies: ['USD', 'CNY'] }), settings({ displayCurrencies: ['CNY', 'USD'] })), ['displayCurrencies'], 'the order of shown currencies is part of the setting');
});

test('the least work after a configuration change', () => {
  assert.equal(effectOfChange(null, inputs({})), 'reindex', 'never indexed');
  assert.equal(effectOfChange(inputs({}), inputs({})), 'refresh');
  for (const raw of [{ baseCurrency: 'EUR' }, { language: 'zh-cn' }, { inlayHints: true }, { conversionTolerance: 0.2 }, { diagnosticsEnabled: false }, { numberStyle: 'zh' }, { displayCurrencies: ['EUR'] }, { rateOverrides: { CNY: 7 } }]) {
    assert.equal(effectOfChange(inputs({}), inputs(raw)), 'refresh', JSON.stringify(raw));
  }
  for (const raw of [{ include: ['notes/**/*.md'] }, { exclude: ['old/**'] }, { maxFileSize: 1000 }, { entitiesFile: 'e.csv' }, { themesFile: 't.json' }]) {
    assert.equal(effectOfChange(inputs({}), inputs(raw)), 'reindex', JSON.stringify(raw));
  }
  assert.equal(effectOfChange(inputs({}), inputs({}, ['**/tmp'])), 'reindex', 'files.exclude changed');
  assert.equal(effectOfChange(inputs({}), inputs({}, [], 'file:///other')), 'reindex', 'another folder');
  const two = new Map([...inputs({}), ...inputs({}, [], 'file:///two')]);
  assert.equal(effectOfChange(inputs({}), two), 'reindex', 'a folder more');
  // A wrong value falls back to its default: no change, nothing to do.
  assert.equal(effectOfChange(inputs({}), inputs({ maxFileSize: 'big' })), 'refresh');
});
