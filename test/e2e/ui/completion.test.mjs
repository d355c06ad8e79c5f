// UI test of writing a note (issue 17): in the Traditional note, a user types 騰 on a new
// line, the suggestion list offers Tencent labelled in Traditional script with its ticker,
// and Enter on the first item writes 騰訊 (not the Simplified 腾讯). The edit is undone and
// the note saved afterwards, so the tests after this one see the fixture as it was.
import { activeEditor, assert, poll, quickOpen } from './workbench.mjs';

/** The rendered text of the active editor's lines, top to bottom. */
async function lines(page) {
  return activeEditor(page).locator('.view-lines .view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: (el.textContent || '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text));
}

export const tests = [
  {
    name: 'typing 騰 in a Traditional note offers Tencent in Traditional script; accepting it writes 騰訊',
    async run({ page, shot }) {
      await quickOpen(page, 'traditional.digest.txt');
      await activeEditor(page).click();
      const before = await lines(page);
      // A new line after the first one, as a user adds an item to the digest.
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('騰');
      const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
      const first = await poll('the suggestion list to offer Tencent', async () => {
        if (!(await rows.count())) {
          // The editor may not open the list by itself for a CJK character: ask, as a user would.
          await page.keyboard.press('Control+Space');
          return null;
        }
        const label = (await rows.first().innerText()).replace(/\s+/g, ' ').trim();
        return /騰訊/.test(label) ? label : null;
      }, { timeoutMs: 30_000 });
      assert.ok(!/腾讯/.test(first.split('·')[0]), `the label is not in the note's script: ${first}`);
      assert.match(first, /0700\.HK/, `no ticker in the label: ${first}`);
      await shot('completion.png');
      await page.keyboard.press('Enter');
      const written = await poll('the accepted name on line 2', async () => {
        const l = await lines(page);
        return l[1] && l[1].trim() !== '騰' ? l[1].trim() : null;
      });
      assert.ok(written.startsWith('騰訊'), `line 2 is "${written}"`);
      assert.ok(!written.includes('腾'), `Simplified characters written in a Traditional note: "${written}"`);
      // Back as it was, as a user would undo (the editor may have saved meanwhile: auto save),
      // then saved, so the notes on disk are the fixture's for the tests after this one.
      await poll('the note to be as it was', async () => {
        const l = await lines(page);
        if (l.length === before.length && l.every((t, i) => t === before[i])) return true;
        await page.keyboard.press('Control+Z');
        return false;
      });
      await page.keyboard.press('Control+S');
      return `first item "${first}", wrote "${written}"`;
    },
  },
];
