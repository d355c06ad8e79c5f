// Completion while writing (issue 17), driven like an editor drives it: the real
// dist/server.js over JSON-RPC on the 10,000-digest workspace of the `scale` case
// (.bench/ws-10000, generated once and reused). Three notes are opened, one per script
// (Simplified, Traditional, English); for each of a list of names, aliases and tickers in
// the three scripts, every prefix from its first useful length is typed on the note's last
// line (one didChange per keystroke, as an editor sends it, 80 ms apart: a fast typist) and
// completion is asked for at the cursor right after each change. The time is the completion request's, at the client, JSON-RPC included; the
// first requests (which build the prefix index of the built-in list) are a warm-up.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, workspace } from './scale.mjs';

export const name = 'completion';
export const description = 'completion of entities (names, aliases, tickers in three scripts) on the 10,000-digest workspace: p50 / p99 per request';

const BUDGET_P99_MS = 10;
/** Milliseconds from one keystroke to the next: a fast typist's 12 characters a second. */
const KEYSTROKE_MS = 80;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What is typed, each with the shortest prefix typed: names and tickers in every script. */
const TYPED = [
  ['腾讯', 1], ['騰訊', 1], ['宁德时代', 2], ['寧德時代', 2], ['比亚迪', 2], ['阿里巴巴', 2], ['英伟达', 2], ['輝達', 2], ['台积电', 2], ['台積電', 2],
  ['小米', 2], ['美团', 2], ['京东', 2], ['中芯国际', 2], ['中芯國際', 2], ['今天腾讯', 4],
  ['Tencent', 2], ['Tencent Music', 9], ['CATL', 2], ['NVIDIA', 2], ['Microsoft', 2], ['Alibaba', 2], ['Apple', 2], ['Xiaomi', 2], ['Contemporary Amperex', 14],
  ['0700', 2], ['00700', 2], ['300750', 2], ['9988.HK', 4], ['HK:00700', 3], ['BABA', 2], ['TSLA', 2], ['NVDA', 2], ['SZ:300750', 4],
];

const NOTES = {
  simplified: '# AI 算力周记\n\n2025-06-30\n\n腾讯 2025 年前三季度资本开支为 597 亿元，管理层表示今年仍会向英伟达采购加速卡。\n宁德时代拟在匈牙利追加投资 300—350 亿元。\n\n',
  traditional: '港股與台股速覽\n\n2025-06-30\n\n騰訊控股(0700.HK)週四收報 612.5港元/股，南向資金當週淨買入約 86億港元。\n輝達新一代 GB300 機櫃的晶片由台積電代工。\n\n',
  english: 'Weekly notes: Tencent, NVIDIA, Microsoft\n\n2025-06-30\n\nTencent booked 59.7 billion yuan of capex in the first three quarters of 2025.\nNVIDIA and Microsoft have pledged up to $10 billion to Anthropic.\n\n',
};

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run(ctx) {
  const folder = workspace(ctx, 10_000);
  const serverJs = path.join(ctx.repoRoot, 'dist', 'server.js');
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-cache-'));
  const client = new Client(serverJs);
  const times = [];
  let answered = 0;
  let items = 0;
  try {
    const started = await client.start(folder, { cacheDir });
    ctx.log(`completion: indexed ${started.files ?? '?'} files in ${(started.ms / 1000).toFixed(1)} s`);
    let warmUp = 5;
    for (const [script, base] of Object.entries(NOTES)) {
      const uri = pathToFileURL(path.join(folder, `bench-completion-${script}.digest.md`)).href;
      client.open(uri, base);
      const line = base.split('\n').length - 1;
      let typed = '';
      for (const [word, from] of TYPED) {
        for (let k = from; k <= word.length; k++) {
          // Replace what the line holds by the next prefix: one keystroke's change.
          const next = word.slice(0, k);
          const typedAt = performance.now();
          client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: typed.length } }, text: next }]);
          typed = next;
          const { ms, result } = await client.timed('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length } });
          await sleep(Math.max(0, KEYSTROKE_MS - (performance.now() - typedAt)));
          if (warmUp > 0) {
            warmUp--;
            continue;
          }
          times.push(ms);
          const n = result?.items?.length ?? 0;
          if (n) answered++;
          items += n;
        }
        client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: typed.length } }, text: '' }]);
        typed = '';
      }
    }
  } finally {
    await client.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  ctx.log(`completion: ${times.length} requests, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, ${answered} with items (${(items / Math.max(1, answered)).toFixed(1)} items each)`);
  return [
    {
      figure: `completion on 10,000 digests, ${times.length} requests typed in three scripts (${answered} with items), p50 / p99`,
      budget: `p99 ≤ ${BUDGET_P99_MS} ms`,
      measured: `${p50.toFixed(2)} / ${p99.toFixed(2)} ms`,
      verdict: p99 <= BUDGET_P99_MS ? 'PASS' : 'FAIL',
      value: p99,
      unit: 'ms',
    },
  ];
}
