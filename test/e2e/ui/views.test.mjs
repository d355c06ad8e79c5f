// UI tests of the views over facts, as a user drives them: Ctrl+T and the entity quick pick
// in Chinese, the sidebar filter in Chinese, the figures table (one row per fact, the entity
// filter, totals, copy) and the entity dossier, in the dark theme and then the light one.
import { assert, dismiss, paneRows, poll, runAsking, runCommand } from './workbench.mjs';

/** The document inside the active webview (two nested iframes in VS Code). */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

async function typeInQuickInput(page, text) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

/** The labels of the quick input's rows. */
async function quickRows(page) {
  return page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.textContent || '').trim()));
}

/** Opens the Digest Lens side bar unless it is open (clicking its icon again would close it). */
async function showSideBar(page) {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Digest Lens/i });
  if (await title.isVisible().catch(() => false)) return;
  await page.locator('.part.activitybar [aria-label^="Digest Lens"]').first().click();
  await title.waitFor();
}

async function toggleTheme(page) {
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
}

export const tests = [
  {
    name: 'Ctrl+T finds Tencent by 騰訊 (its label holds the alias the editor filters on)',
    async run({ page, shot }) {
      await dismiss(page);
      await page.keyboard.press('Control+T');
      await typeInQuickInput(page, '#騰訊');
      const rows = await poll('a workspace symbol for 騰訊', async () => {
        const r = await quickRows(page);
        return r.some((t) => t.includes('Tencent')) ? r : null;
      });
      assert.ok(rows.find((t) => t.includes('Tencent')).includes('騰訊'), rows.join(' | '));
      await shot('symbols-zh.png');
      await dismiss(page);
      return rows.slice(0, 3).join(' | ');
    },
  },
  {
    name: 'the sidebar filter 騰訊 keeps Tencent',
    async run({ page, shot }) {
      await showSideBar(page);
      await runAsking(page, 'Digest Lens: Filter…');
      await typeInQuickInput(page, '騰訊');
      await page.keyboard.press('Enter');
      const rows = await poll('the Entities view to show Tencent only', async () => {
        const r = await paneRows(page, 'Entities');
        return r.some((x) => x.label === 'Tencent') && !r.some((x) => x.label === 'Microsoft') ? r : null;
      });
      await shot('sidebar-filter-zh.png');
      await runCommand(page, 'Digest Lens: Clear Filter');
      return rows.map((r) => r.label).join(', ');
    },
  },
  {
    name: 'the figures table: one row per fact, the entity filter, totals and copy',
    async run({ page, shot }) {
      await runCommand(page, 'Digest Lens: Show Figures of the Workspace');
      const view = webview(page);
      await view.locator('tbody tr.row').first().waitFor({ timeout: 30_000 });
      const row = view.locator('tbody tr.row', { hasText: '597 亿元' });
      await row.waitFor();
      // The stated conversion is in the row, not a row of its own.
      assert.match(await row.innerText(), /85 亿美元/);
      assert.equal(await view.locator('tbody tr.row td.text > span:first-child', { hasText: /^85 亿美元$/ }).count(), 0);
      const before = await view.locator('tbody tr.row').count();
      await view.locator('select.filter').first().selectOption('tencent');
      await poll('the table filtered to Tencent', async () => (await view.locator('tbody tr.row').count()) < before);
      const subjects = await view.locator('tbody tr.row td:nth-child(4)').allInnerTexts();
      assert.ok(subjects.every((s) => s.includes('Tencent')), subjects.join(', '));
      await view.locator('#totals tr.total').first().waitFor();
      await shot('figures.png');
      await toggleTheme(page);
      await view.locator('tbody tr.row').first().waitFor();
      await shot('figures-light.png');
      await toggleTheme(page);
      await view.locator('button.copy-markdown').click();
      await page.locator('.notifications-toasts', { hasText: /Copied \d+ facts/ }).waitFor();
      return `${before} facts, ${subjects.length} about Tencent`;
    },
  },
  {
    name: 'the entity quick pick finds Tencent by 腾讯 and opens its dossier',
    async run({ page, shot }) {
      await runAsking(page, 'Digest Lens: Find Entity (Any Name, Alias or Ticker)');
      await typeInQuickInput(page, '腾讯');
      await poll('Tencent in the quick pick', async () => (await quickRows(page)).some((t) => t.includes('Tencent')));
      await shot('find-entity.png');
      await page.keyboard.press('Enter');
      const view = webview(page);
      await view.locator('h1', { hasText: 'Tencent' }).waitFor({ timeout: 30_000 });
      const metric = view.locator('section.metric', { hasText: 'capex' });
      await metric.waitFor();
      assert.match(await metric.innerText(), /597 亿元/);
      await view.locator('svg.timeline').first().waitFor();
      await shot('dossier.png');
      await toggleTheme(page);
      await view.locator('h1', { hasText: 'Tencent' }).waitFor();
      await shot('dossier-light.png');
      await toggleTheme(page);
      return (await view.locator('section.metric h2').allInnerTexts()).join(', ');
    },
  },
];
