// UI test of the Digest Lens view container: the activity bar icon opens the Themes and
// Entities views, whose rows show the workspace's counts.
import { assert, dismiss, paneRows, poll } from './workbench.mjs';

/** A row by its label, e.g. "Tencent" → {label, description, ...}. */
const row = (rows, label) => rows.find((r) => r.label === label);

export const tests = [
  {
    name: 'the Digest Lens side bar lists themes and entities with their counts',
    async run({ page, shot }) {
      await dismiss(page);
      const icon = page.locator('.part.activitybar [aria-label^="Digest Lens"]').first();
      await icon.waitFor({ state: 'visible' });
      await icon.click();
      await page.locator('.part.sidebar .composite.title', { hasText: /Digest Lens/i }).waitFor();

      const entities = await poll('the Entities view to list Tencent', async () => {
        const rows = await paneRows(page, 'Entities');
        return row(rows, 'Tencent') ? rows : null;
      });
      assert.ok(row(entities, 'Companies'), `no Companies row in ${JSON.stringify(entities.map((r) => r.label))}`);
      assert.match(row(entities, 'Companies').description, /^\d+ entities · \d+ mentions$/);
      assert.equal(row(entities, 'Tencent').description, '4 mentions in 3 files');
      assert.equal(row(entities, 'NVIDIA').description, '4 mentions in 3 files');
      assert.equal(row(entities, 'Microsoft').description, '3 mentions');
      // Entities sit one level below their kind.
      assert.equal(row(entities, 'Tencent').level, row(entities, 'Companies').level + 1);

      const themes = await poll('the Themes view to list its themes', async () => {
        const rows = await paneRows(page, 'Themes');
        return row(rows, 'AI infrastructure and capex') ? rows : null;
      });
      assert.equal(themes[0].label, 'AI infrastructure and capex', 'the most mentioned theme is not first');
      assert.equal(row(themes, 'AI infrastructure and capex').description, '11 mentions in 3 files');
      assert.ok(themes.length >= 3, `themes: ${JSON.stringify(themes.map((r) => r.label))}`);
      await shot('sidebar.png');
      const brief = (rows) => rows.slice(0, 4).map((r) => `${r.label} (${r.description})`).join(', ');
      return `themes: ${brief(themes)}; entities: ${brief(entities)}`;
    },
  },
];
