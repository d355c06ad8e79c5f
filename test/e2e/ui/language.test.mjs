// UI test of the server's language: with digestLens.language set (in the scratch
// workspace's settings, emptied afterwards), the hover over a figure reads in
// Simplified Chinese in the dark theme, then in Traditional Chinese in the light theme.
// (code-server's own display language cannot be switched on this machine: it needs a
// language pack from the marketplace.)
import { activeEditor, assert, poll, quickOpen, runCommand, textBox } from './workbench.mjs';

const FIGURE = '1,600 亿人民币';

/**
 * Sets digestLens.language in the workspace settings the way a user does: the settings JSON
 * opened from the palette (VS Code shows it over the editors), its text replaced, saved,
 * closed. (A file written behind VS Code's back in a new .vscode folder may go unnoticed for
 * a long while, and Quick Open may not list it yet.) `undefined` empties it.
 */
async function setLanguage(page, language) {
  const focusedText = () => page.locator('.monaco-editor.focused .view-lines').first().innerText().catch(() => '');
  await runCommand(page, 'Preferences: Open Workspace Settings (JSON)');
  // The digests start with a heading; the settings JSON with a brace.
  await poll('the settings JSON to open with the focus', async () => (await focusedText()).trim().startsWith('{'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText: no auto-closed quotes or braces in the way.
  const text = language === undefined ? '{}' : `{ "digestLens.language": "${language}" }`;
  await page.keyboard.insertText(text);
  await poll('the new settings to be typed', async () => (await focusedText()).replace(/\s+/g, ' ').trim() === text);
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+W');
  await poll('the settings JSON to close', async () => !(await focusedText()).trim().startsWith('{'));
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
    async run({ page, shot }) {
      let light = false;
      try {
        await setLanguage(page, 'zh-cn');
        await quickOpen(page, 'simplified.digest.md');
        const cn = await hoverUntil(page, '按摘要日期');
        assert.match(cn, /金额/);
        assert.match(cn, /汇率：/);
        await shot('hover-zh-cn-dark.png');

        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        light = true;
        await setLanguage(page, 'zh-tw');
        await quickOpen(page, 'simplified.digest.md');
        const tw = await hoverUntil(page, '依摘要日期');
        assert.match(tw, /金額/);
        assert.match(tw, /匯率：/);
        await shot('hover-zh-tw-light.png');
        return `zh-cn: ${cn.split('\n').filter(Boolean).slice(2, 4).join(' | ')}; zh-tw: ${tw.split('\n').filter(Boolean).slice(2, 4).join(' | ')}`;
      } finally {
        await page.mouse.move(5, 5);
        await setLanguage(page, undefined);
        if (light) await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      }
    },
  },
];
