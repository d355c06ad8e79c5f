// Helpers the UI tests share: driving the VS Code workbench (code-server in headless
// chromium) the way a user does — keyboard, Quick Open, the command palette, the mouse — and
// reading what is on screen. Every wait is on something appearing or changing in the page
// (Playwright locator waits, or polling the DOM), never a fixed sleep.
import assert from 'node:assert/strict';

/** Default limit for one thing to appear on screen. */
export const UI_TIMEOUT_MS = 20_000;

/** Polls `check` (may be async) until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function poll(what, check, { timeoutMs = UI_TIMEOUT_MS, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastError ? ` (last error: ${lastError.message})` : ''));
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The Digest Lens status bar item (base currency · rates month, or "latest rates (month)" for an undated note). */
export function statusItem(page) {
  return page.locator('.statusbar-item').filter({ hasText: /[A-Z]{3} · (latest rates \()?\d{4}-\d{2}/ });
}

/** Waits until the extension runs and its server has indexed the workspace (status icon no longer spins). */
export async function waitForDigestLens(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const item = statusItem(page);
  await item.first().waitFor({ timeout: 60_000 });
  await item.locator('.codicon-symbol-number').first().waitFor({ timeout: 60_000 });
  return (await item.first().innerText()).trim();
}

/** Presses Escape until no quick input, hover or peek is open (each Escape closes one). */
export async function dismiss(page) {
  for (let i = 0; i < 3; i++) {
    const open = await page.locator('.quick-input-widget:visible, .monaco-hover:visible:not(.hidden), .peekview-widget:visible').count();
    if (!open) return;
    await page.keyboard.press('Escape');
  }
}

/** Finds a command in the palette (F1) by its title and presses Enter on it; returns the palette's input. */
async function pickCommand(page, title) {
  await dismiss(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  // The first row is the best match; make sure it is the one asked for before Enter.
  await poll(`"${title}" to be the first row of the palette`, async () =>
    (await page.locator('.quick-input-widget .monaco-list-row.focused').first().innerText().catch(() => '')).includes(title));
  await page.keyboard.press('Enter');
  return input;
}

/** Runs a command from the command palette (F1), by its title as the palette lists it. */
export async function runCommand(page, title) {
  await pickCommand(page, title);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Runs a command that asks for input (an input box, a quick pick): as runCommand, but after
 * Enter it waits for the palette to give way to the command's own input, and returns it.
 */
export async function runAsking(page, title) {
  const input = await pickCommand(page, title);
  await poll(`the input of "${title}"`, async () => {
    const value = await input.inputValue().catch(() => '>');
    return (await input.isVisible()) && !value.startsWith('>');
  });
  return input;
}

/**
 * Opens a workspace file with Quick Open: Ctrl+P, the name, Enter. Resolves when its tab is
 * active and its text is rendered.
 */
export async function quickOpen(page, name) {
  await dismiss(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  // Enter only once the file is the focused row (the list fills in as the search runs).
  await poll(`${name} to be the focused Quick Open row`, async () => {
    const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name');
    return (await focused.count()) > 0 && (await focused.first().innerText()).trim() === name;
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await activeEditor(page).locator('.view-line').first().waitFor();
}

/** The editor of the active editor group. */
export function activeEditor(page) {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/**
 * The on-screen box of `needle` in the active editor's rendered lines (Monaco renders spaces
 * as no-break spaces; both count as a space here). `from`/`to` pick part of the needle (in
 * UTF-16 units). Returns null while the text is not rendered.
 */
export async function textBox(page, needle, { from = 0, to = needle.length } = {}) {
  return activeEditor(page).evaluate((editor, { needle, from, to }) => {
    for (const line of editor.querySelectorAll('.view-lines .view-line')) {
      const text = (line.textContent || '').replace(/\u00a0/g, ' ');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      // Map offsets in the line's text to (text node, offset) pairs.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const locate = (offset) => {
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (offset <= seen + n.length) return [n, offset - seen];
          seen += n.length;
        }
        return null;
      };
      walker.currentNode = line;
      const start = locate(at + from);
      walker.currentNode = line;
      const end = locate(at + to);
      if (!start || !end) return null;
      const range = document.createRange();
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1]);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, { needle, from, to });
}

/** Clicks in the middle of `needle` in the active editor: puts the cursor there. */
export async function clickText(page, needle, options) {
  const box = await poll(`"${needle}" to be rendered in the editor`, () => textBox(page, needle, options));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return box;
}

/**
 * The rendered token spans of the active editor's line that contains `needle`: their text
 * and computed colour, in order.
 */
export async function lineSpans(page, needle) {
  return activeEditor(page).evaluate((editor, needle) => {
    for (const line of editor.querySelectorAll('.view-lines .view-line')) {
      const text = (line.textContent || '').replace(/\u00a0/g, ' ');
      if (!text.includes(needle)) continue;
      return [...line.querySelectorAll('span[class*="mtk"]')].map((s) => ({
        text: (s.textContent || '').replace(/\u00a0/g, ' '),
        className: s.className,
        color: getComputedStyle(s).color,
      }));
    }
    return null;
  }, needle);
}

/** The rows of a view pane of the side bar (by its title), with label and description. */
export async function paneRows(page, title) {
  const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }).first();
  await pane.waitFor();
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: (row.querySelector('.label-name')?.textContent || row.querySelector('.monaco-highlighted-label')?.textContent || '').trim(),
      description: (row.querySelector('.label-description')?.textContent || '').trim(),
      level: Number(row.getAttribute('aria-level') || 0),
      text: (row.textContent || '').trim(),
    })));
}

export { assert };
