/**
 * Completion source: amounts (issue 17).
 *  - After a number being typed ("1,350", "2.5 ", "1,350 亿"): the currency-and-scale units,
 *    in the writing of the sentence (Simplified 亿美元, Traditional 億美元, English "billion
 *    dollars" or the symbols US$…B, whose item rewrites the number), the units the
 *    workspace's notes write most first (amountsTally.ts), then the default order
 *    (amountsUnits.ts). Each is offered only when the figure parser reads the completed text
 *    back as that amount in that currency (amountsCheck.ts).
 *  - After a figure and a typed "(" or "（": the conversion "insert conversion" writes
 *    (codeActions.ts `conversionAfter`: the same rules, rounding, script and rate at the
 *    note's date), in the bracket typed, replacing it (and the ")" the editor may have closed
 *    it with).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Figure } from '../../analysis/types';
import { mostlyChinese, scriptAt, sentenceAround } from '../../analysis/script';
import { formatAmount, type MoneyStyle } from '../../fx/format';
import type { IndexedDoc } from '../../index/workspaceIndex';
import { translator, type Translator } from '../../l10n';
import { conversionAfter } from '../codeActions';
import { describeReference } from '../conversionCheck';
import { toOffset, toRange } from '../positions';
import { figureReadBack, readsAs } from './amountsCheck';
import { unitTallyOf, type UnitCounts } from './amountsTally';
import { UNIT_FORMS, formKey, formLabel, formMatches, formText, typedNumberBefore, type UnitForm, type UnitWriting } from './amountsUnits';
import type { CompletionRequest, CompletionSource } from './source';

/** How long the first request may spend counting the workspace's units (the rest is counted in the background; later requests never wait). */
const TALLY_BUDGET_MS = 2;
/** How far back from the cursor an opening bracket is looked for (a conversion partly typed: "(约 2"). */
const BRACKET_REACH = 32;

const CLOSER: Record<string, string> = { '(': ')', '（': '）' };

/** Unit items offered at most: the list shows about this many; the rest are the least used. */
const MAX_UNIT_ITEMS = 10;

export const complete: CompletionSource = async (req) => {
  const doc = req.ctx.index.get(req.doc.uri);
  if (!doc) return [];
  const offset = toOffset(doc, req.position);
  const tr = translator(await req.ctx.locale(doc.uri));
  const conversion = conversionItem(doc, offset, req, tr);
  if (conversion) return [conversion];
  // A typed bracket asks for a conversion only.
  if (req.trigger === '(' || req.trigger === '（') return [];
  return unitItems(req, doc, offset, tr);
};

// ---------------------------------------------------------------------------------------
// Units after a number

/** The writing of units typed at `offset`: English in an English sentence, else the sentence's Chinese script. */
function writingAt(text: string, offset: number, traditional: boolean): UnitWriting {
  const s = sentenceAround(text, offset);
  let chinese = mostlyChinese(text, s.start, s.end);
  // A sentence of digits alone ("- 1,350") takes the language of the text around it.
  if (!chinese && !hasLetters(text, s.start, s.end)) chinese = mostlyChinese(text, Math.max(0, offset - 400), Math.min(text.length, offset + 400));
  if (!chinese) return 'en';
  return scriptAt(text, offset, traditional ? 'traditional' : 'simplified') === 'traditional' ? 'zh-Hant' : 'zh';
}

function hasLetters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** The forms of a writing, most used in the workspace first, then in this note, then the default order. */
function ranked(writing: UnitWriting, workspace: UnitCounts, here: UnitCounts): UnitForm[] {
  const forms = UNIT_FORMS[writing].map((form, order) => ({ form, order, key: formKey(form) }));
  const count = (m: UnitCounts, k: string) => m.get(k) ?? 0;
  forms.sort((a, b) => count(workspace, b.key) - count(workspace, a.key) || count(here, b.key) - count(here, a.key) || a.order - b.order);
  return forms.map((f) => f.form);
}

function unitItems(req: CompletionRequest, doc: IndexedDoc, offset: number, tr: Translator): CompletionItem[] {
  const text = doc.text;
  const typed = typedNumberBefore(text, offset);
  // "0700", "002865": a code being typed (a ticker, a date part), never how an amount is written.
  if (!typed || (typed.number.length > 1 && typed.number[0] === '0' && typed.number[1] !== '.')) return [];
  const traditional = doc.analysis.traditional;
  const writing = writingAt(text, offset, traditional);
  const tally = unitTallyOf(req.ctx.index);
  const forms = ranked(writing, tally.counts(TALLY_BUDGET_MS), tally.countsOf(doc.uri));
  const range = toRange(doc, typed.start, offset - typed.start);
  const typedText = text.slice(typed.start, offset);
  // The amount is described in the other language: a Chinese unit in English, an English one in Chinese.
  const describeIn: MoneyStyle = writing !== 'en' ? 'en' : traditional ? 'zh-Hant' : 'zh';
  const items: CompletionItem[] = [];
  for (const form of forms) {
    // Each item costs a read-back by the figure parser (~0.3 ms): the best ranked are enough.
    if (items.length === MAX_UNIT_ITEMS) break;
    if (!formMatches(form, typed.partial)) continue;
    const newText = formText(form, typed.number, typed.space);
    if (newText === typedText) continue; // written already: nothing to complete
    const value = typed.value * form.factor;
    const figure = figureReadBack(text, typed.start, offset, newText, traditional);
    if (!figure || !readsAs(figure, value, form.currency)) continue;
    const label = formLabel(form);
    items.push({
      label,
      labelDetails: { description: figure.currency },
      kind: CompletionItemKind.Unit,
      detail: tr('completion.amountReads', formatAmount(value, figure.currency, describeIn)),
      // The editor filters by the text from the number to the cursor: it must lead the filter text.
      filterText: form.joint === 'none' ? `${typedText}${label}` : newText,
      sortText: `amounts-${String(items.length).padStart(3, '0')}`,
      textEdit: { range, newText },
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------
// A conversion after a figure and a typed bracket

/** The figure of `figures` (sorted by offset) ending exactly at `end`. */
function figureEndingAt(figures: readonly Figure[], end: number): Figure | undefined {
  let lo = 0;
  let hi = figures.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = figures[mid];
    const e = f.offset + f.length;
    if (e < end) lo = mid + 1;
    else if (e > end) hi = mid - 1;
    else return f;
  }
  return undefined;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x3000;

function conversionItem(doc: IndexedDoc, offset: number, req: CompletionRequest, tr: Translator): CompletionItem | null {
  const text = doc.text;
  // The opening bracket: right before the cursor, or a little before with part of the conversion typed after it.
  let b = offset - 1;
  while (b >= 0 && offset - b <= BRACKET_REACH && !CLOSER[text[b]] && text.charCodeAt(b) !== 10 && text[b] !== ')' && text[b] !== '）') b--;
  if (b < 0 || !CLOSER[text[b]]) return null;
  const bracket = text[b];
  let end = b;
  if (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  const figure = figureEndingAt(doc.analysis.figures, end);
  if (!figure) return null;
  const { baseCurrency, rateOverrides } = req.settings;
  const c = conversionAfter(doc, figure, baseCurrency, rateOverrides);
  if (!c) return null;
  // The action's text, with its leading space when the user typed none ("US$2.5B(" → "US$2.5B (≈…)"),
  // in the bracket the user typed.
  let newText = c.text;
  if (newText.startsWith(' ') && end < b) newText = newText.slice(1);
  const open = newText.indexOf('(');
  const close = newText.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  newText = newText.slice(0, open) + bracket + newText.slice(open + 1, close) + CLOSER[bracket] + newText.slice(close + 1);
  const fromBracket = newText.slice(open);
  if (!fromBracket.startsWith(text.slice(b, offset))) return null;
  // The closing bracket the editor put after the cursor is replaced too.
  const replaceEnd = text[offset] === CLOSER[bracket] ? offset + 1 : offset;
  return {
    label: fromBracket,
    kind: CompletionItemKind.Value,
    detail: tr('action.insertConversion', c.english),
    documentation: describeReference(c.conv.fromRate, c.conv.toRate, tr),
    filterText: fromBracket,
    sortText: 'amounts-conversion',
    preselect: true,
    textEdit: { range: toRange(doc, b, replaceEnd - b), newText },
  };
}
