// UI test of the server's language: with digestLens.language set (in the scratch
// workspace's settings, emptied afterwards), the hover over a figure reads in
// Simplified Chinese in the dark theme, then in Traditional Chinese in the light theme.
// (code-server's own display language cannot be switched on this machine: it needs a
// language pack from the marketplace.)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { activeEditor, assert, poll, quickOpen, runCommand, textBox } from './workbench.mjs';

const FIGURE = '1,600 亿人民币';

/**
 * Sets digestLens.language in the workspace settings the way a user does: .vscode/settings.json
 * opened with Quick Open, its text replaced, saved. (Only the empty file is written from here,
 * the first time: a file written behind VS Code's back may go unnoticed for a long while.)
 * `undefined` empties it.
 */
async function setLanguage(page, workspace, language) {
  const file = join(workspace, '.vscode', 'settings.json');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{}\n');
  }
  await quickOpen(page, 'settings.json');
  await activeEditor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText: no auto-closed quotes or braces in the way.
  await page.keyboard.insertText(language === undefined ? '{}\n' : `{ "digestLens.language": "${language}" }\n`);
  await page.keyboard.press('Control+S');
  const tab = page.locator('.tab.active', { hasText: 'settings.json' });
  await poll('the settings to be saved', async () => !/\bdirty\b/.test((await tab.getAttribute('class')) ?? 'dirty'));
  await page.keyboard.press('Control+W');
  await tab.waitFor({ state: 'detached' });
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
        await setLanguage(page, workspace, 'zh-cn');
        await quickOpen(page, 'simplified.digest.md');
        const cn = await hoverUntil(page, '按摘要日期');
        assert.match(cn, /金额/);
        assert.match(cn, /汇率：/);
        await shot('hover-zh-cn-dark.png');

        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        light = true;
        await setLanguage(page, workspace, 'zh-tw');
        await quickOpen(page, 'simplified.digest.md');
        const tw = await hoverUntil(page, '依摘要日期');
        assert.match(tw, /金額/);
        assert.match(tw, /匯率：/);
        await shot('hover-zh-tw-light.png');
        return `zh-cn: ${cn.split('\n').filter(Boolean).slice(2, 4).join(' | ')}; zh-tw: ${tw.split('\n').filter(Boolean).slice(2, 4).join(' | ')}`;
      } finally {
        await page.mouse.move(5, 5);
        await setLanguage(page, workspace, undefined);
        if (light) await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      }
    },
  },
];
