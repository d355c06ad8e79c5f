import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needProgram, needShared, optionalShared } from '../helpers/requires';

/** Runs `fn` with CI and DIGEST_LENS_SHARED set as given, then restores them. */
function withEnv<T>(env: { CI?: string; DIGEST_LENS_SHARED?: string }, fn: () => T): T {
  const saved = { CI: process.env.CI, DIGEST_LENS_SHARED: process.env.DIGEST_LENS_SHARED };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A stand-in for node:test's context that records the skip reason. */
function fakeContext() {
  const skips: string[] = [];
  return { skips, skip: (m?: string) => void skips.push(m ?? '') };
}

test('missing shared material: a skip saying what and how outside CI, a failure under CI=true', () => {
  const empty = mkdtempSync(join(tmpdir(), 'digest-lens-noshared-'));
  try {
    const t = fakeContext();
    assert.equal(withEnv({ CI: undefined, DIGEST_LENS_SHARED: empty }, () => needShared(t, 'seeds')), null);
    assert.equal(t.skips.length, 1);
    assert.match(t.skips[0], /seeds.*\.\.\/shared.*DIGEST_LENS_SHARED/);
    assert.equal(withEnv({ CI: undefined, DIGEST_LENS_SHARED: empty }, () => optionalShared('seeds')), null);
    assert.throws(() => withEnv({ CI: 'true', DIGEST_LENS_SHARED: empty }, () => needShared(fakeContext(), 'seeds')), /CI=true/);
    assert.throws(() => withEnv({ CI: 'true', DIGEST_LENS_SHARED: empty }, () => optionalShared('seeds')), /CI=true/);
    // Present material is found, whatever CI says.
    assert.equal(withEnv({ CI: 'true', DIGEST_LENS_SHARED: join(empty, '..') }, () => needShared(fakeContext(), empty.split(/[\\/]/).pop()!)), empty);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('a missing program: a skip with how to install it outside CI, a failure under CI=true; a present one gives its version line', () => {
  const t = fakeContext();
  assert.equal(withEnv({ CI: undefined }, () => needProgram(t, 'digest-lens-no-such-program')), null);
  assert.match(t.skips[0], /needs the program digest-lens-no-such-program \(ENOENT\): install/);
  assert.throws(() => withEnv({ CI: 'true' }, () => needProgram(fakeContext(), 'digest-lens-no-such-program')), /CI=true/);
  const line = withEnv({ CI: 'true' }, () => needProgram(fakeContext(), process.execPath, ['--version']));
  assert.equal(line, process.version);
});
