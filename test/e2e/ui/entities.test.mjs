// UI test of Add Entity as a user meets it: the four prompts (name, aliases, tickers, kind)
// and the server's answer. The name typed is the Traditional spelling of the fixture's own
// entity (遠瀾算力 for 远澜算力), so the server refuses it and nothing is written; the
// warning says which entry already has it. Screenshots in the dark theme and the light one.
import { assert, dismiss, poll, runAsking, runCommand } from './workbench.mjs';

/** Types into the open input box (or quick pick) and accepts it. */
async function answer(page, text, title) {
  const widget = page.locator('.quick-input-widget');
  await poll(`the prompt "${title}"`, async () => (await widget.locator('.quick-input-title').innerText().catch(() => '')).includes(title));
  const input = widget.locator('.quick-input-box input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

export const tests = [
  {
    name: 'Add Entity: a name the list already has (in the other script) is refused with a warning naming the entry',
    async run({ page, shot }) {
      const notes = [];
      for (const theme of ['dark', 'light']) {
        await dismiss(page);
        await runCommand(page, 'Notifications: Clear All Notifications');
        await runAsking(page, 'Digest Lens: Add Entity…');
        await answer(page, '遠瀾算力', 'Add entity (1/4)');
        await answer(page, '', 'Add entity (2/4)');
        await answer(page, '', 'Add entity (3/4)');
        await answer(page, 'company', 'Add entity (4/4)');
        const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'already in your entity list' }).first();
        await toast.waitFor({ state: 'visible' });
        const text = (await toast.innerText()).replace(/\s+/g, ' ');
        assert.match(text, /遠瀾算力 is already in your entity list \(as yuanlan-compute\)/);
        await page.waitForTimeout(300); // the toast slides in: let it settle before the screenshot
        await shot(`add-entity-refused-${theme}.png`);
        notes.push(`${theme}: "${text.trim().slice(0, 90)}"`);
        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      }
      await runCommand(page, 'Notifications: Clear All Notifications');
      return notes.join('; ');
    },
  },
];
