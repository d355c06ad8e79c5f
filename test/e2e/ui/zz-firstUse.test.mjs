// UI test of the first-use offer on plain notes (client/src/firstUse.ts), run last (it
// reloads the window): plain .md/.txt digests are written into the workspace, the window is
// reloaded so the extension activates on them, the offer appears as a notification (dark and
// light screenshots), the user accepts, and a Markdown note shows Digest Lens colours in
// Markdown mode (dark and light screenshots). The extension tests (yy-firstUse.test.js)
// cover what the answers store and write.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, assert, lineSpans, poll, quickOpen, runCommand, waitForDigestLens } from './workbench.mjs';

const NOTE_MD = `# 8月28日 摘要

2025年8月28日

英伟达公布二季度营收 467 亿美元，同比增长 56%，数据中心业务贡献 411 亿美元。
腾讯控股宣布 2025 年资本开支约 1,350 亿元人民币，主要投向 AI 算力；宁德时代拟在港交所募资不超过 50 亿港元。

This is a long paragraph of an analyst's note that runs well past the width of the editor, to show that a Markdown note accepted for Digest Lens wraps as Markdown always does in VS Code, while the figures such as $22.5B and HK$4.19B and the companies such as Alibaba Group and Tencent are coloured by Digest Lens on top of the Markdown colours.
`;
const NOTE_TXT = '2025年9月3日\n\n台積電8月營收新臺幣3,357.7億元，年增33.8%。\n鴻海集團宣布斥資約 10 億美元擴建美國伺服器廠。\n';
const NOTE_EN = 'Aug 28, 2025\n\nNvidia reported revenue of $46.7B for the quarter.\nAlibaba Group will spend RMB 380bn on cloud; HSBC Holdings booked a HK$4.19B charge.\n';

const OFFER = /look like digests/;

function toast(page) {
  return page.locator('.notification-toast, .notifications-center .notification-list-item').filter({ hasText: OFFER }).first();
}

async function isDark(page) {
  return page.locator('.monaco-workbench.vs-dark').count().then((n) => n > 0);
}

async function setTheme(page, dark) {
  if ((await isDark(page)) === dark) return;
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await poll(`the ${dark ? 'dark' : 'light'} theme`, async () => (await isDark(page)) === dark);
}

export const tests = [
  {
    name: 'first use: plain notes that look like digests get the offer once the window opens on them',
    async run({ page, workspace, shot }) {
      mkdirSync(join(workspace, 'notes'), { recursive: true });
      writeFileSync(join(workspace, 'notes', '0828.md'), NOTE_MD);
      writeFileSync(join(workspace, 'notes', '0903.txt'), NOTE_TXT);
      writeFileSync(join(workspace, 'notes', 'en.md'), NOTE_EN);
      await setTheme(page, true);
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await waitForDigestLens(page);
      const offer = toast(page);
      await offer.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await offer.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /notes\/\*\*\/\*\.md/, `the offer names the globs: ${text}`);
      for (const button of ['Use Digest Lens', 'Not now', 'Never for this folder']) {
        assert.ok(await offer.getByRole('button', { name: button }).count(), `no "${button}" button in: ${text}`);
      }
      // Another test may have left a workspace settings file (its own keys reset): no include in it.
      const settingsFile = join(workspace, '.vscode', 'settings.json');
      assert.ok(!existsSync(settingsFile) || !readFileSync(settingsFile, 'utf8').includes('digestLens.include'), 'a setting was written before the user answered');
      await shot('first-use-offer.png');
      await setTheme(page, false);
      if (!(await offer.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
      await toast(page).waitFor({ state: 'visible' });
      await shot('first-use-offer-light.png');
      return `offer: ${text.slice(0, 160)}`;
    },
  },
  {
    name: 'first use: accepting writes digestLens.include and a Markdown note gets the colours',
    async run({ page, workspace, shot }) {
      await toast(page).getByRole('button', { name: 'Use Digest Lens' }).click();
      const settings = join(workspace, '.vscode', 'settings.json');
      const written = await poll('the include setting to be written', () => {
        try {
          // VS Code may create the file empty first, then write the setting.
          const json = JSON.parse(readFileSync(settings, 'utf8'));
          return 'digestLens.include' in json ? json : null;
        } catch {
          return null;
        }
      });
      assert.deepEqual(written, { 'digestLens.include': ['notes/**/*.md', 'notes/**/*.txt'] });
      await quickOpen(page, '0828.md');
      // Still Markdown: the language indicator in the status bar.
      await poll('the Markdown mode', async () => /Markdown/.test(await page.locator('.statusbar').innerText()));
      // A view line of the wrapped English paragraph (a Chinese line may wrap inside a figure).
      const coloured = async () => {
        const spans = await lineSpans(page, '$22.5B');
        if (!spans) return null;
        const figure = spans.find((s) => s.text.includes('22.5'));
        const plain = spans.find((s) => /such|and/.test(s.text) && !s.text.includes('22.5'));
        return figure && plain && figure.color !== plain.color ? { figure, plain } : null;
      };
      const light = await poll('the figure to be coloured in the Markdown note', coloured, { timeoutMs: 40_000 });
      // The restarted server has indexed the notes too (the sidebar no longer says it is indexing).
      await waitForDigestLens(page);
      await poll('the index to be complete', async () => (await page.getByText(/Indexing the workspace/).count()) === 0);
      // The long paragraph wraps (Markdown's own default): more view lines than text lines.
      const wrapped = await activeEditor(page).locator('.view-line').count();
      assert.ok(wrapped > NOTE_MD.split('\n').length, `no wrapping: ${wrapped} view lines`);
      await shot('first-use-note-light.png');
      await setTheme(page, true);
      const dark = await poll('the figure to be coloured in the dark theme', coloured);
      await shot('first-use-note.png');
      return `figure ${light.figure.color} / ${dark.figure.color} against ${light.plain.color} / ${dark.plain.color}`;
    },
  },
];
