// UI test of the server's language: with digestLens.language set (here in the scratch
// workspace's .vscode/settings.json, removed afterwards), the hover over a figure reads in
// Simplified Chinese in the dark theme, then in Traditional Chinese in the light theme.
// (code-server's own display language cannot be switched on this machine: it needs a
// language pack from the marketplace.)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, assert, poll, quickOpen, runCommand, textBox } from './workbench.mjs';

const FIGURE = '1,600 亿人民币';

function setLanguage(workspace, language) {
  const dir = join(workspace, '.vscode');
  if (language === undefined) return rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ 'digestLens.language': language }, null, 2));
}

/** Points at the figure until its hover shows `marker`; returns the hover's text. */
async function hoverUntil(page, marker) {
  const editor = await activeEditor(page).boundingBox();
  const away = () => page.mouse.move(editor.x + editor.width - 40, editor.y + editor.height - 40);
  const box = await poll(`"${FIGURE}" to be rendered`, () => textBox(page, FIGURE));
  const hover = page.locator('.monaco-hover:visible').filter({ hasText: marker }).first();
  await poll(`a hover with "${marker}"`, async () => {
    await away();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      return true;
    } catch {
      return false;
    }
  }, { timeoutMs: 40_000 });
  await page.waitForTimeout(500); // the hover fades in: let it settle before a screenshot
  return hover.innerText();
}

export const tests = [
  {
    name: 'digestLens.language: the figure hover in Simplified (dark) and Traditional Chinese (light)',
    async run({ page, workspace, shot }) {
      let light = false;
      try {
        setLanguage(workspace, 'zh-cn');
        await quickOpen(page, 'simplified.digest.md');
        const cn = await hoverUntil(page, '按摘要日期');
        assert.match(cn, /金额/);
        assert.match(cn, /汇率：/);
        await shot('hover-zh-cn-dark.png');

        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        light = true;
        setLanguage(workspace, 'zh-tw');
        const tw = await hoverUntil(page, '依摘要日期');
        assert.match(tw, /金額/);
        assert.match(tw, /匯率：/);
        await shot('hover-zh-tw-light.png');
        return `zh-cn: ${cn.split('\n').filter(Boolean).slice(2, 4).join(' | ')}; zh-tw: ${tw.split('\n').filter(Boolean).slice(2, 4).join(' | ')}`;
      } finally {
        setLanguage(workspace, undefined);
        await page.mouse.move(5, 5);
        if (light) await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      }
    },
  },
];
