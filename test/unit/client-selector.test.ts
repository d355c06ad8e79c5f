/**
 * The client's document selector (client/src/selector.ts) and its crash policy and status
 * text (client/src/restartPolicy.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSelector, includeFilters, selectorKey } from '../../client/src/selector';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy, statusText } from '../../client/src/restartPolicy';

test('the selector always has the digest language first', () => {
  assert.deepEqual(documentSelector([], ['/w']), [{ language: 'digest' }]);
});

test('workspace-relative globs are anchored at each folder; ** and absolute globs are kept', () => {
  assert.deepEqual(includeFilters(['notes/*.md', '**/digests/**/*.md', '/abs/*.txt', './x.md'], ['/w/a', '/w/b/']), [
    { scheme: 'file', pattern: '/w/a/notes/*.md' },
    { scheme: 'file', pattern: '/w/b/notes/*.md' },
    { scheme: 'file', pattern: '**/digests/**/*.md' },
    { scheme: 'file', pattern: '/abs/*.txt' },
    { scheme: 'file', pattern: '/w/a/x.md' },
    { scheme: 'file', pattern: '/w/b/x.md' },
  ]);
});

test('Windows paths use forward slashes; a folder with glob characters falls back to **/', () => {
  assert.deepEqual(includeFilters(['notes\\*.md'], ['C:\\w']), [{ scheme: 'file', pattern: 'C:/w/notes/*.md' }]);
  assert.deepEqual(includeFilters(['*.md'], ['/w/[draft]']), [{ scheme: 'file', pattern: '**/*.md' }]);
  assert.deepEqual(includeFilters(['*.md'], []), [{ scheme: 'file', pattern: '**/*.md' }]);
});

test('blank and duplicate globs are dropped; the key changes only when the selector does', () => {
  assert.deepEqual(includeFilters(['', '  ', '**/a', '**/a'], ['/w']), [{ scheme: 'file', pattern: '**/a' }]);
  assert.equal(selectorKey(['**/a'], ['/w']), selectorKey(['**/a', ' **/a '], ['/w']));
  assert.notEqual(selectorKey(['**/a'], ['/w']), selectorKey(['**/b'], ['/w']));
});

test(`a crashed server is restarted ${MAX_RESTARTS} times in 3 minutes, then not; old crashes expire`, () => {
  let now = 0;
  const policy = new RestartPolicy(MAX_RESTARTS, RESTART_WINDOW_MS, () => now);
  for (let i = 0; i < MAX_RESTARTS; i++) {
    assert.equal(policy.crashed(), true, `crash ${i + 1}`);
    now += 1000;
  }
  assert.equal(policy.crashed(), false, 'one crash too many within the window');
  const fresh = new RestartPolicy(MAX_RESTARTS, RESTART_WINDOW_MS, () => now);
  for (let i = 0; i < MAX_RESTARTS; i++) fresh.crashed();
  now += RESTART_WINDOW_MS + 1;
  assert.equal(fresh.crashed(), true, 'crashes older than the window no longer count');
});

test('the status text shows the base currency, the rate month and the state', () => {
  const s = { indexing: false, baseCurrency: 'CNY', rateMonth: '2026-01' };
  assert.equal(statusText(s, 'running'), '$(symbol-number) CNY · 2026-01');
  assert.equal(statusText({ ...s, indexing: true }, 'running'), '$(sync~spin) CNY · 2026-01');
  assert.equal(statusText(s, 'restarted'), '$(warning) CNY · 2026-01');
  assert.equal(statusText(s, 'failed'), '$(error) Digest Lens');
  assert.equal(statusText(null, 'starting'), '$(sync~spin) Digest Lens');
});
