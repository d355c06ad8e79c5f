/**
 * Every interface string of the client (vscode.l10n.t calls in client/src) has its Simplified and Traditional Chinese entry in
 * l10n/, and the placeholders of each translation are those of the English text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
/** Every TypeScript file of the client. */
const FILES = (readdirSync(join(REPO, 'client/src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `client/src/${f.replace(/\\/g, '/')}`);
const bundle = (name: string): Record<string, string> => JSON.parse(readFileSync(join(REPO, 'l10n', name), 'utf8'));
const BUNDLES = { 'zh-cn': bundle('bundle.l10n.zh-cn.json'), 'zh-tw': bundle('bundle.l10n.zh-tw.json') };

/** The first arguments of vscode.l10n.t(...) that are plain string literals. */
function keys(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) out.push(m[1].replace(/\\(.)/g, '$1'));
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('every client string is translated into Simplified and Traditional Chinese', () => {
  const all = [...new Set(FILES.flatMap((f) => keys(readFileSync(join(REPO, f), 'utf8'))))];
  assert.ok(all.length > 50, `only ${all.length} strings found`);
  for (const [lang, b] of Object.entries(BUNDLES)) {
    const missing = all.filter((k) => !(k in b));
    assert.deepEqual(missing, [], `missing in ${lang}`);
    for (const k of all) assert.deepEqual(placeholders(b[k]), placeholders(k), `${lang}: "${b[k]}" for "${k}"`);
  }
  assert.equal(BUNDLES['zh-cn']['{0} entities'], '{0} 个实体');
  assert.equal(BUNDLES['zh-tw']['{0} entities'], '{0} 個實體');
});
