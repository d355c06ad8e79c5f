/**
 * io/fsPath.ts: names that are bytes. The UTF-8 check agrees with the platform's strict
 * decoder; the lossless spelling gives the bytes back; the printed spelling (`\xHH`) names
 * one file only: reading its escapes back gives the exact bytes, whatever the name holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { displayPath, fromLossless, isUtf8, joinName, losslessName, pathKey } from '../../server/src/io/fsPath';
import { recoverArgBytes } from '../../server/src/cli/rawArgv';
import { openFile, type ScanSetup } from '../../server/src/cli/scanFile';
import { unmatchedOutcome } from '../../server/src/cli/parallelScan';

/** A reader of the printed spelling: `\xHH` is that byte, every other character its UTF-8. */
function readBack(s: string): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < s.length; ) {
    if (s[i] === '\\' && s[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      parts.push(Buffer.of(parseInt(s.slice(i + 2, i + 4), 16)));
      i += 4;
    } else {
      const cp = s.codePointAt(i)!;
      parts.push(Buffer.from(String.fromCodePoint(cp), 'utf8'));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return Buffer.concat(parts);
}

/** A deterministic generator of byte names, biased towards the interesting bytes. */
function* names(count: number): Generator<Buffer> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 8;
  const pool = [0x5c, 0x78, 0x66, 0x46, 0x30, 0x39, 0x61, 0x2e, 0xff, 0xfe, 0xe9, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xf0, 0x90, 0xf4, 0xbf, 0xe4, 0xb8, 0xad];
  for (let n = 0; n < count; n++) {
    const length = next() % 12;
    const b = Buffer.alloc(length);
    for (let i = 0; i < length; i++) b[i] = next() % 3 === 0 ? next() % 256 : pool[next() % pool.length];
    yield b;
  }
}

test('isUtf8 agrees with the strict decoder, and the lossless spelling gives the bytes back', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const b of names(20000)) {
    let valid = true;
    try {
      strict.decode(b);
    } catch {
      valid = false;
    }
    assert.equal(isUtf8(b), valid, b.toString('hex'));
    const key = losslessName(b);
    if (valid) assert.equal(key, b.toString('utf8'));
    const back = fromLossless(key);
    assert.ok(Buffer.from(typeof back === 'string' ? Buffer.from(back, 'utf8') : back).equals(b), b.toString('hex'));
    assert.equal(typeof back === 'string', valid, 'bytes only for a name that is not UTF-8');
  }
});

test('the printed spelling reads back to the exact bytes, so two names never print the same', { skip: sep !== '/' && 'POSIX names' }, () => {
  const seen = new Map<string, string>();
  for (const b of names(20000)) {
    const p = isUtf8(b) ? b.toString('utf8') : b;
    const shown = displayPath(p);
    assert.ok(readBack(shown).equals(b), `${b.toString('hex')} → ${shown}`);
    const other = seen.get(shown);
    assert.ok(other === undefined || other === b.toString('hex'), `${shown} names ${other} and ${b.toString('hex')}`);
    seen.set(shown, b.toString('hex'));
    assert.equal(pathKey(p), losslessName(b));
  }
});

test('the printed spelling: bytes as \\xHH, an escape-like backslash as \\x5c, everything else as it is', { skip: sep !== '/' && 'POSIX names' }, () => {
  assert.equal(displayPath(Buffer.from([0x61, 0xff, 0xfe, 0xe9, 0x2e, 0x6d, 0x64])), 'a\\xff\\xfe\\xe9.md');
  assert.equal(displayPath('notes/a\\xff.md'), 'notes/a\\x5cxff.md');
  assert.equal(displayPath('notes/a\\xg1\\n.md'), 'notes/a\\xg1\\n.md', 'not an escape: kept');
  assert.equal(displayPath('notes/腾讯 2025.md'), 'notes/腾讯 2025.md');
  // An astral character (its low surrogate is in U+DC80..U+DCFF) is text, not a byte.
  assert.equal(displayPath(Buffer.from('\u{10080}.md', 'utf8')), '\u{10080}.md');
  assert.equal(displayPath(Buffer.concat([Buffer.from('\u{10080}', 'utf8'), Buffer.of(0x80)])), '\u{10080}\\x80');
});

test('joinName writes a byte name below a folder as path.join would', () => {
  assert.equal(joinName('a/b', 'c.md', join), join('a/b', 'c.md'));
  const bytes = joinName('./a/../b/', Buffer.of(0xff), join);
  assert.ok(Buffer.isBuffer(bytes));
  assert.ok(bytes.equals(Buffer.concat([Buffer.from(join('b', 'x').slice(0, -1)), Buffer.of(0xff)])));
  assert.ok((joinName('.', Buffer.of(0xff), join) as Buffer).equals(Buffer.of(0xff)));
  assert.ok((joinName(Buffer.of(0xfe), 'n.md', join) as Buffer).equals(Buffer.concat([Buffer.of(0xfe), Buffer.from(sep + 'n.md')])));
});

test('arguments: text without U+FFFD is kept as it is; one whose bytes cannot be had back stays text', () => {
  assert.deepEqual(recoverArgBytes(['scan', 'notes']), ['scan', 'notes']);
  // This test process was not given these arguments: /proc/self/cmdline does not match them.
  assert.deepEqual(recoverArgBytes(['scan', 'a\ufffd.md']), ['scan', 'a\ufffd.md']);
});

test('a missing file named with U+FFFD is reported with why its name may have changed; another missing file is not', () => {
  const setup = { format: 'jsonl', base: 'USD', maxBytes: 1 << 20 } as unknown as ScanSetup;
  const lost = openFile(join(tmpdir(), 'dl-no-such-dir', 'a\ufffd.md'), setup);
  assert.equal(lost.failed, true);
  assert.match(lost.messages[0], /cannot read .*a\ufffd\.md: ENOENT \(if its name is not UTF-8: .*U\+FFFD.*\)/);
  const plain = openFile(join(tmpdir(), 'dl-no-such-dir', 'a.md'), setup);
  assert.equal(plain.messages[0], `digest-lens: cannot read ${join(tmpdir(), 'dl-no-such-dir', 'a.md')}: ENOENT\n`);
  // A glob likewise.
  assert.match(unmatchedOutcome('notes/\ufffd*.md').messages[0], /no files match notes\/\ufffd\*\.md \(if its name is not UTF-8/);
  assert.equal(unmatchedOutcome('notes/*.md').messages[0], 'digest-lens: no files match notes/*.md\n');
});
