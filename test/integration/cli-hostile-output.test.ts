/**
 * Issue 16 (writing), over the built CLI: a folder whose file names and entity file carry
 * terminal control sequences and spreadsheet formulas. The table and every stderr line
 * show them escaped; CSV cells that a spreadsheet would run are neutralised.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dl-hostile-out-'));
  mkdirSync(join(dir, '.digestlens'));
  writeFileSync(
    join(dir, '.digestlens', 'entities.json'),
    JSON.stringify([
      { id: 'formula', name: '=HYPERLINK("http://example.invalid","x")', aliases: ['Formulacorp'] },
      { id: 'title', name: 'Bad\u001b]0;pwned\u0007Co', aliases: ['Titleco'] },
      { id: 'clip', name: 'Clip\u001b]52;c;aGk=\u0007Co', aliases: ['Clipco'] },
    ]),
  );
  writeFileSync(join(dir, 'note\u001b[2J\u202e.digest'), 'date: 2026-01-07\n\nFormulacorp raised 5 亿元. Titleco raised $3B. Clipco booked HK$4.19B.\n');
  // A broken second note whose name is also hostile: its stderr line names it.
  writeFileSync(join(dir, 'bin\u0007.digest'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]));
  return dir;
}

test('table and stderr: every control character from the folder is escaped', () => {
  const dir = hostileFolder();
  try {
    const r = spawnSync(process.execPath, [CLI, 'scan', '--format', 'table', dir], { encoding: 'utf8' });
    assert.ok(r.stdout.includes('Formulacorp') || r.stdout.includes('HYPERLINK'), r.stdout);
    for (const line of r.stdout.split('\n')) assert.ok(!CONTROL.test(line), JSON.stringify(line));
    assert.match(r.stdout, /note\\x1b\[2J\\u202e\.digest/);
    assert.match(r.stdout, /Bad\\x1b\]0;pwned\\x07Co/);
    assert.ok(r.stderr.length > 0, 'the binary note is reported');
    for (const line of r.stderr.split('\n')) assert.ok(!CONTROL.test(line), JSON.stringify(line));
    assert.match(r.stderr, /bin\\x07\.digest/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('csv: the formula-named entity is written as text, with an apostrophe, in every cell that names it', () => {
  const dir = hostileFolder();
  try {
    const r = spawnSync(process.execPath, [CLI, 'scan', '--format', 'csv', dir], { encoding: 'utf8' });
    const cells = r.stdout.split('\n').flatMap((l) => l.match(/"(?:[^"]|"")*"|[^,]+/g) ?? []);
    const named = cells.filter((c) => c.includes('HYPERLINK'));
    assert.ok(named.length >= 2, r.stdout);
    for (const c of named) assert.ok(c.startsWith(`"'=`), c);
    for (const c of cells) assert.ok(!/^"?[=+\-@]/.test(c) || /^-?\d/.test(c.replace(/^"/, '')), `a cell a spreadsheet would run: ${c}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
