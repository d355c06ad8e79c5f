// UI tests in the editor: what a user sees when hovering a figure, finding the references of
// a company and looking at the colours of a line. Run by scripts/e2e/run-ui-tests.mjs on a
// copy of test/fixtures/workspace, with Digest Lens installed from its .vsix.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, assert, clickText, lineSpans, poll, quickOpen, runCommand, textBox } from './workbench.mjs';

const FIGURE = '1,600 亿人民币';

/** Moves the mouse to a corner of the editor, away from any text, so no hover stays open. */
async function mouseAway(page) {
  const box = await activeEditor(page).boundingBox();
  await page.mouse.move(box.x + box.width - 40, box.y + box.height - 40);
}

export const tests = [
  {
    name: 'hover over 1,600 亿人民币 shows its conversion to about US$23 billion',
    async run({ page, shot }) {
      await quickOpen(page, 'simplified.digest.md');
      await mouseAway(page);
      const box = await poll(`"${FIGURE}" to be rendered`, () => textBox(page, FIGURE));
      // Over the digits of the figure, like a user pointing at it. A hover asked for before the
      // server has analysed a just-opened file comes back empty and the editor does not ask
      // again while the mouse rests, so, like a user, move away and point again until it shows.
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'money' }).first();
      await poll('the hover over the figure', async () => {
        await mouseAway(page);
        await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 4000 });
          return true;
        } catch {
          return false;
        }
      }, { timeoutMs: 40_000 });
      const text = await poll('the hover to show the conversions', async () => {
        const t = await hover.innerText();
        return /US\$/.test(t) ? t : null;
      });
      assert.match(text, new RegExp(FIGURE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `the hover does not name the figure:\n${text}`);
      assert.match(text, /CNY\s*160(\.0+)?\s*billion/i, `no CNY 160 billion in:\n${text}`);
      const usd = [...text.matchAll(/US\$\s*([\d.,]+)\s*billion/gi)].map((m) => Number(m[1].replace(/,/g, '')));
      assert.ok(usd.some((v) => v >= 22 && v <= 24), `no US$ 22–24 billion in the hover (saw ${usd.join(', ') || 'none'}):\n${text}`);
      await shot('hover.png');
      return `hover: ${text.split('\n').filter((l) => /US\$/.test(l))[0].trim()}`;
    },
  },
  {
    name: 'Find All References on Tencent lists 4 results in 3 files',
    async run({ page, shot }) {
      await quickOpen(page, 'english.digest');
      // The cursor inside "Tencent" at the start of line 3.
      await clickText(page, 'Tencent booked', { from: 2, to: 4 });
      await poll('the cursor to be on line 3', async () => /Ln 3,/.test(await page.locator('.statusbar').innerText()));
      await page.keyboard.press('Shift+Alt+F12');
      // The References view (built-in references-view extension) says how many it found.
      const summary = page.locator('.part.sidebar, .part.panel, .part.auxiliarybar').getByText(/^\d+ results? in \d+ files?$/).first();
      await summary.waitFor({ state: 'visible' });
      const counts = (await summary.innerText()).trim();
      assert.equal(counts, '4 results in 3 files');
      // One row per file, each with its own count, then the mentions below.
      const rows = await poll('the reference rows', async () => {
        const list = await page.locator('.pane', { has: page.getByText(counts) }).locator('.monaco-list-row').allInnerTexts();
        return list.length >= 3 ? list : null;
      });
      const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
      for (const file of ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']) {
        assert.ok(flat.some((r) => r.includes(file)), `no row for ${file} in ${JSON.stringify(flat)}`);
      }
      await shot('references.png');
      return `references view: "${counts}"; rows ${JSON.stringify(flat.slice(0, 6))}`;
    },
  },
  {
    name: 'semantic tokens colour the figure and the company apart from plain text',
    async run({ page, shot }) {
      await quickOpen(page, 'simplified.digest.md');
      await mouseAway(page);
      // The grammar colours neither money nor companies (syntaxes/digest.tmLanguage.json):
      // any colour of their own comes from the server's semantic tokens, which arrive after
      // the text is drawn, so wait for it.
      const seen = await poll('the figure and the company to be coloured apart from plain text', async () => {
        const spans = await lineSpans(page, FIGURE);
        if (!spans) return null;
        const figure = spans.find((s) => s.text.includes('1,600'));
        const company = spans.find((s) => s.text.includes('字节跳动'));
        const plain = spans.find((s) => s.text.includes('预算初步定为'));
        if (!figure || !company || !plain) return null;
        if (figure.color === plain.color || company.color === plain.color) return null;
        return { figure, company, plain, spans };
      });
      // The figure is one token, exactly its text: the colour starts and ends with it.
      assert.equal(seen.figure.text.trim(), FIGURE, `the figure's span: ${JSON.stringify(seen.figure)}`);
      assert.equal(seen.company.text.trim(), '字节跳动', `the company's span: ${JSON.stringify(seen.company)}`);
      assert.notEqual(seen.figure.color, seen.company.color, 'money and company share a colour');
      await shot('tokens.png');
      return `colours: figure ${seen.figure.color}, company ${seen.company.color}, plain ${seen.plain.color}`;
    },
  },
  {
    name: 'inlay hints are short, in the script of their sentence, and none is cut off',
    async run({ page, workspace, shot }) {
      // Inlay hints are off by default: turn them on for this workspace, as a user would.
      const dir = join(workspace, '.vscode');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ 'digestLens.inlayHints': true }, null, 2));
      try {
        await quickOpen(page, 'traditional.digest.txt');
        await mouseAway(page);
        // The rendered lines with their hints (the editor draws a hint's text inside the line).
        const lines = await poll('the inlay hints of the Traditional note', async () => {
          // In screen order (the editor reuses line elements, so the DOM order is not the visual one).
          const texts = await activeEditor(page).evaluate((editor) =>
            [...editor.querySelectorAll('.view-lines .view-line')]
              .map((l) => ({ top: l.getBoundingClientRect().top, text: (l.textContent || '').replace(/\u00a0/g, ' ') }))
              .sort((a, b) => a.top - b.top)
              .map((l) => l.text));
          // A wrapped line is drawn as several visual lines, and a hint can be split between two.
          const joined = texts.map((t) => t.trim()).join('');
          const all = joined.split('≈').length - 1;
          const hints = [...joined.matchAll(/≈[-\d.,–萬億兆]+美元(\/(股|噸|千瓦時))?/g)].map((m) => m[0]);
          return all >= 5 ? { texts, hints, all } : null;
        }, { timeoutMs: 40_000 });
        const { hints, all, texts } = lines;
        // Every hint is whole and in the note's Traditional script: none cut to "≈US…".
        assert.equal(hints.length, all, `a hint is cut off or not in Traditional script:\n${texts.filter((t) => t.includes('≈')).join('\n')}`);
        assert.ok(hints.some((h) => /^≈11(\.\d+)?億美元$/.test(h)), `no ≈11億美元 after 86億港元 in ${JSON.stringify(hints)}`);
        await shot('inlay-hints.png');
        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        await shot('inlay-hints-light.png');
        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        return `inlay hints: ${hints.join(' ')}`;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
