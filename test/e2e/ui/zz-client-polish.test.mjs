// UI tests of the client polish, as a user sees it, in the dark theme and then the light
// one: the Entities view's mention rows (notes by date, the line with the mention
// highlighted), the base-currency picker (current first, found by RMB / 人民币), the status
// bar's rate month for the active note, and the figures panel (below the note; the first
// click on a row opens it). Runs last: it leaves the layout as it found it.
import { assert, dismiss, paneRows, poll, quickOpen, runAsking, runCommand, statusItem } from './workbench.mjs';

function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

async function toggleTheme(page) {
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
}

async function showSideBar(page) {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Digest Lens/i });
  if (await title.isVisible().catch(() => false)) return;
  await page.locator('.part.activitybar [aria-label^="Digest Lens"]').first().click();
  await title.waitFor();
}

/** The rows of the Entities pane with their aria-label and highlighted part. */
async function entityRows(page) {
  const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Entities/i }) }).first();
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: (row.querySelector('.label-name')?.textContent || '').trim(),
      description: (row.querySelector('.label-description')?.textContent || '').trim(),
      highlighted: [...row.querySelectorAll('.label-name .highlight')].map((h) => h.textContent).join(''),
      aria: row.getAttribute('aria-label') || '',
      level: Number(row.getAttribute('aria-level') || 0),
    })));
}

const quickRows = (page) => page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.textContent || '').replace(/\s+/g, ' ').trim()));

export const tests = [
  {
    name: 'Entities view: Tencent lists its notes by date, each mention as its line with the mention highlighted',
    async run({ page, shot }) {
      await showSideBar(page);
      const tencent = page.locator('.part.sidebar .monaco-list-row', { hasText: /^\s*Tencent/ }).first();
      await tencent.waitFor();
      await tencent.click();
      const rows = await poll('the notes and mentions under Tencent', async () => {
        const r = await entityRows(page);
        return r.some((x) => x.label === '2026-01-14') && r.some((x) => x.highlighted === '腾讯') ? r : null;
      });
      const notes = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.label));
      assert.deepEqual(notes.map((r) => r.label).slice(0, 3), ['2026-01-16', '2026-01-15', '2026-01-14']);
      assert.equal(notes[0].description, 'english.digest · 2 mentions');
      const zh = rows.find((r) => r.highlighted === '腾讯');
      assert.ok(zh.label.startsWith('腾讯 2025 年前三季度'), zh.label);
      assert.match(zh.description, /^line 3$/);
      assert.equal(zh.level, notes[0].level + 1, 'mentions sit under their note');
      assert.ok(rows.find((r) => r.highlighted === '騰訊控股'), 'the Traditional mention is highlighted too');
      for (const r of rows) assert.ok(!/&[#\w]+;/.test(r.aria), `an HTML entity in the aria-label "${r.aria}"`);
      const companies = rows.find((r) => r.label === 'Companies');
      assert.match(companies.description, /^\d+ entities · \d+ mentions$/);
      await shot('mentions.png');
      await toggleTheme(page);
      await page.locator('.part.sidebar .monaco-list-row', { hasText: '2026-01-14' }).first().waitFor();
      await shot('mentions-light.png');
      await toggleTheme(page);
      await tencent.click(); // collapse again
      return `${notes.map((r) => `${r.label} (${r.description})`).join(', ')}; "${zh.aria}"`;
    },
  },
  {
    name: 'Set Base Currency: the current currency first, RMB and 人民币 find CNY',
    async run({ page, shot }) {
      const input = await runAsking(page, 'Digest Lens: Set Base Currency');
      const first = await poll('the currencies', async () => (await quickRows(page))[0]);
      assert.match(first, /^USD\s*US dollar — current/, first);
      assert.equal(await page.locator('.quick-input-widget .monaco-list-row').first().locator('.codicon-check').count(), 1, 'the current currency is marked');
      await shot('currency-picker-all.png');
      await input.fill('rmb');
      const rmb = await poll('CNY for "rmb"', async () => {
        const r = await quickRows(page);
        return r.length && r[0].startsWith('CNY') ? r : null;
      });
      assert.match(rmb[0], /Chinese yuan/);
      await shot('currency-picker.png');
      await input.fill('人民币');
      await poll('CNY for "人民币"', async () => ((await quickRows(page))[0] || '').startsWith('CNY'));
      await input.fill('港幣');
      await poll('HKD for "港幣"', async () => ((await quickRows(page))[0] || '').startsWith('HKD'));
      await page.keyboard.press('Escape');
      await toggleTheme(page);
      const again = await runAsking(page, 'Digest Lens: Set Base Currency');
      await again.fill('NT$');
      await poll('TWD for "NT$"', async () => ((await quickRows(page))[0] || '').startsWith('TWD'));
      await shot('currency-picker-light.png');
      await page.keyboard.press('Escape');
      await toggleTheme(page);
      return `first row "${first}"; rmb → "${rmb[0]}"`;
    },
  },
  {
    name: 'the status bar shows the rate day of the note in the active editor, and its tooltip which rate',
    async run({ page, shot }) {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'View: Single Column Editor Layout');
      await quickOpen(page, 'simplified.digest.md');
      const item = statusItem(page).first();
      await poll('the status bar to show 2026-01-14', async () => /USD · 2026-01-14/.test(await item.innerText()));
      await item.hover();
      const tooltip = page.locator('.monaco-hover:visible', { hasText: 'converted at the daily rates of 2026-01-14' });
      await tooltip.waitFor();
      await shot('status.png');
      await page.mouse.move(10, 400);
      await toggleTheme(page);
      await item.hover();
      await tooltip.waitFor();
      await shot('status-light.png');
      await page.mouse.move(10, 400);
      await toggleTheme(page);
      return (await item.innerText()).trim();
    },
  },
  {
    name: 'the figures panel opens below the note, and the first click on a row opens it',
    async run({ page, shot }) {
      await runCommand(page, 'View: Close All Editors');
      await quickOpen(page, 'simplified.digest.md');
      await runCommand(page, 'Digest Lens: Show Figures of the Workspace');
      const view = webview(page);
      const row = view.locator('tbody tr.row', { hasText: '597 亿元' });
      await row.waitFor({ timeout: 30_000 });
      const groups = await page.locator('.editor-group-container').evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
      assert.equal(groups.length, 2, JSON.stringify(groups));
      assert.ok(groups[1].y > groups[0].y && Math.abs(groups[1].x - groups[0].x) < 2 && Math.abs(groups[1].w - groups[0].w) < 2, `the panel's group is below the note's, as wide: ${JSON.stringify(groups)}`);
      await shot('figures-placement.png');
      // One click on the row opens the figure in the note above.
      await row.click();
      await poll('the figure selected in the note after one click', async () => /Ln 3, Col \d+ \(\d+ selected\)/.test(await page.locator('.statusbar').innerText()));
      // The focus is in the note now; one click on another row still acts.
      const english = view.locator('tbody tr.row', { hasText: '59.7 billion yuan' });
      await english.click();
      await page.locator('.tab.active', { hasText: 'english.digest' }).waitFor();
      await poll('the English figure selected after one click', async () => /\(\d+ selected\)/.test(await page.locator('.statusbar').innerText()));
      await toggleTheme(page);
      await row.waitFor();
      await shot('figures-placement-light.png');
      await toggleTheme(page);
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'View: Single Column Editor Layout');
      return `groups: ${groups.map((g) => `${Math.round(g.w)}×${Math.round(g.h)} at y=${Math.round(g.y)}`).join(', ')}`;
    },
  },
];
