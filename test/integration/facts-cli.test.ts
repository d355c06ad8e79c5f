/**
 * The fact fields of a figure (subject, counterparty, source, metric, period, fact) reach
 * the output of the built CLI (dist/cli.js, built by `npm test`) in JSON, JSONL and CSV.
 * The hops before it are test/unit/facts-plumbing.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');

const TEXT = '2025-10-30\n腾讯2025年资本开支为800亿元(约112亿美元)。软银向Ampere投资65亿美元。东吴证券预计市场规模达1万亿元。\n';

test('the CLI JSON and JSONL carry the fields (version stays 1)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-facts-cli-'));
  try {
    const file = join(dir, 'a.digest');
    writeFileSync(file, TEXT);
    const json = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(json.status, 0, json.stderr);
    const out = JSON.parse(json.stdout);
    assert.equal(out.version, 1);
    for (const f of out.files[0].figures) {
      for (const key of ['subject', 'counterparty', 'source', 'metric', 'period', 'fact']) assert.ok(key in f, `${key} in ${JSON.stringify(f)}`);
      assert.equal(typeof f.metric, 'string');
      assert.equal(typeof f.fact, 'number');
    }
    const jsonl = spawnSync(process.execPath, [CLI, 'scan', '--format', 'jsonl', file], { encoding: 'utf8' });
    const line = JSON.parse(jsonl.stdout.trim());
    assert.deepEqual(line.figures, out.files[0].figures);
    const csv = spawnSync(process.execPath, [CLI, 'scan', '--format', 'csv', file], { encoding: 'utf8' });
    assert.ok(csv.stdout.split('\n')[0].endsWith('metric,period,fact'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
