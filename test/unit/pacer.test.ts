/**
 * features/pacer.ts: work in slices gives the event loop turns, so a cancellation sent from
 * another turn is seen and the work is stopped with RequestCancelled; run at once or in
 * slices, the same work gives the same answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver';
import { runNow, runPaced, type Work } from '../../server/src/features/pacer';

function* count(n: number): Work<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(i * i);
    if (i % 10 === 0) yield;
  }
  return out;
}

test('at once or in slices, the same answer', async () => {
  assert.deepEqual(await runPaced(count(5000)), runNow(count(5000)));
  const source = new CancellationTokenSource();
  assert.deepEqual(await runPaced(count(100), source.token), runNow(count(100)));
});

test('endless work is stopped by a cancellation sent from another turn of the event loop', async () => {
  let stopped = false;
  function* endless(): Work<never> {
    try {
      for (;;) yield;
    } finally {
      stopped = true;
    }
  }
  const source = new CancellationTokenSource();
  // Only a work that gives the event loop turns lets this run; without slices the test hangs.
  setImmediate(() => source.cancel());
  await assert.rejects(runPaced(endless(), source.token), (e: { code?: number }) => e.code === -32800);
  assert.ok(stopped, 'the generator was closed (its finally ran)');
});

test('work cancelled before it starts does not run', async () => {
  const source = new CancellationTokenSource();
  source.cancel();
  let ran = false;
  function* work(): Work<number> {
    ran = true;
    return 1;
  }
  await assert.rejects(runPaced(work(), source.token), (e: { code?: number }) => e.code === -32800);
  assert.equal(ran, false);
});
