/**
 * Code actions. Every action returns a WorkspaceEdit for the user to apply; nothing here
 * writes a file.
 *  - "Insert conversion: ≈ US$23.0 billion" at a figure not in the base currency, written
 *    in the language and script of the sentence it goes into ("(约 230 亿美元)" in a
 *    Simplified sentence, "(約 230 億美元)" in a Traditional one, " (≈US$23.0 billion)" in English);
 *  - "Replace with reference conversion" for a conversion-mismatch diagnostic, written the
 *    same way;
 *  - Simplified ↔ Traditional (Taiwan or Hong Kong words, or characters only) for the
 *    selection, or the whole document when nothing is selected (scriptConversion.ts), offered
 *    when code actions are asked for, not on the automatic light-bulb requests, so opencc-js
 *    is loaded only for a conversion;
 *  - "Replace with 0700.HK" for a ticker-mismatch diagnostic: the named company's ticker,
 *    written as the wrong one was (tickerMismatch.ts);
 *  - "Add <name> to your entity list" on a candidate mention: a new entry in the user's
 *    entity file (created when the workspace has none), the edit of addEntity.ts.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  TextEdit,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Figure, Mention } from '../analysis/types';
import type { IndexedDoc } from '../index/workspaceIndex';
import { convertFigure, type ConvertedFigure } from '../fx/convert';
import { formatAmount, formatRange, type MoneyStyle } from '../fx/format';
import type { Feature, FeatureContext } from './context';
import { findMismatches, type ConversionCheck } from './conversionCheck';
import { Codes } from './diagnostics';
import { toOffset, toRange } from './positions';
import { styleAt } from './moneyText';
import { scriptEdits, type ScriptEdit, type ScriptTarget } from './scriptConversion';
import { translator, type Translator } from '../l10n';
import type { MessageKey } from '../l10n/messages';
import { addEntityEdit } from './addEntity';
import { replaceTickerActions } from './tickerMismatch';

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

// ---------------------------------------------------------------------------------------
// Amounts in the language and script of the sentence they go into

/** An amount to write: a value, or a range when min and max differ. */
interface Amount {
  value: number;
  min: number | null;
  max: number | null;
  currency: string;
  per: string | null;
}

/** An amount in English: "US$23.0 billion", "US$1.20–1.50 billion", "US$21,810/t". */
function englishAmount(a: Amount): string {
  const ranged = a.min !== null && a.max !== null && a.min !== a.max;
  return ranged ? formatRange(a.min!, a.max!, a.currency, 'en', { per: a.per }) : formatAmount(a.value, a.currency, 'en', { per: a.per });
}

/**
 * An amount written next to (or instead of) the figure `like`, in `style`: English, or
 * Chinese with three significant digits in Simplified or Traditional script, with the
 * figure's spacing ("597 亿元" or "86億港元") and, after "…人民币", 人民币 for CNY.
 */
export function amountLike(like: Figure, a: Amount, style: MoneyStyle): string {
  if (style === 'en') return englishAmount(a);
  const { value, min, max, currency, per } = a;
  const ranged = min !== null && max !== null && min !== max;
  const cnyWord = currency === 'CNY' && style === 'zh' && like.text.includes('人民币') ? ('人民币' as const) : undefined;
  const opts = { digits: 3, per, cnyWord };
  let s = ranged ? formatRange(min!, max!, currency, style, opts) : formatAmount(value, currency, style, opts);
  // "597 亿元" keeps a space between number and unit; "86億港元" does not.
  // A range ("43亿–50.2亿美元") is left as formatted: a space inside it would read as a break.
  if (!ranged && /\d\s+\D/.test(like.text)) s = s.replace(/^(-?[\d,.]+)(?=[^\d,.\s])/, '$1 ');
  return s;
}

/** The text inserted after a figure: " (≈US$23.0 billion)", "(约 230 亿美元)" or "(約 230 億美元)". */
function insertionText(amount: string, style: MoneyStyle): string {
  if (style === 'en') return ` (≈${amount})`;
  return style === 'zh-Hant' ? `(約 ${amount})` : `(约 ${amount})`;
}

// ---------------------------------------------------------------------------------------
// The feature

const wants = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));

const overlaps = (a: { offset: number; length: number }, start: number, end: number) => a.offset <= end && a.offset + a.length >= start;

/** The style of an amount written at a figure: the language and script of its sentence. */
const styleOfFigure = (doc: Pick<IndexedDoc, 'text' | 'analysis'>, f: Figure): MoneyStyle => styleAt(doc.text, f.offset, f.text, doc.analysis.traditional);

/**
 * The conversion written after figure `f` as "insert conversion" writes it (also the amounts
 * completion's, after a typed "("): its text, the amount in English for a title, and the
 * conversion. Null when the figure is in `base` already or a currency has no rate.
 */
export function conversionAfter(doc: Pick<IndexedDoc, 'text' | 'analysis'>, f: Figure, base: string, overrides: Record<string, number>): { text: string; english: string; conv: ConvertedFigure } | null {
  if (f.currency === base) return null;
  const conv = convertFigure(f, base, doc.analysis.date, overrides);
  if (!conv) return null;
  const style = styleOfFigure(doc, f);
  const target: Amount = { value: conv.value, min: conv.min, max: conv.max, currency: base, per: conv.per };
  return { text: insertionText(amountLike(f, target, style), style), english: englishAmount(target), conv };
}

function insertConversion(doc: IndexedDoc, f: Figure, base: string, overrides: Record<string, number>, tr: Translator): CodeAction | null {
  const c = conversionAfter(doc, f, base, overrides);
  if (!c) return null;
  const at = toRange(doc, f.offset + f.length, 0).start;
  return {
    title: tr('action.insertConversion', c.english),
    kind: CodeActionKind.Refactor,
    edit: { changes: { [doc.uri]: [TextEdit.insert(at, c.text)] } },
  };
}

function replaceConversion(doc: IndexedDoc, m: ConversionCheck, diagnostics: Diagnostic[], tr: Translator): CodeAction {
  const rate = m.expected / m.from.value;
  const ranged = m.to.min !== null && m.from.min !== null && m.from.max !== null;
  const amount: Amount = { value: m.expected, min: ranged ? m.from.min! * rate : null, max: ranged ? m.from.max! * rate : null, currency: m.to.currency, per: m.to.per };
  // The stated figure's own language decides (it is replaced), its sentence the script.
  const style = styleAt(doc.text, m.to.offset, m.to.text, doc.analysis.traditional, HAS_CJK.test(m.to.text) ? 'zh' : 'en');
  const text = amountLike(m.to, amount, style);
  const range = toRange(doc, m.to.offset, m.to.length);
  const related = diagnostics.filter((d) => d.code === Codes.conversionMismatch && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
  return {
    title: tr('action.replaceConversion', text),
    kind: CodeActionKind.QuickFix,
    diagnostics: related.length ? related : undefined,
    isPreferred: true,
    edit: { changes: { [doc.uri]: [TextEdit.replace(range, text)] } },
  };
}

/**
 * The conversions offered, with their titles. Each has its own kind under refactor.rewrite,
 * "refactor.rewrite.script.<target>" (SCRIPT_KIND), which the client's commands match on.
 */
const SCRIPT_ACTIONS: [ScriptTarget, MessageKey][] = [
  ['tw', 'action.toTaiwan'],
  ['hk', 'action.toHongKong'],
  ['plain', 'action.toTraditionalPlain'],
  ['cn', 'action.toSimplified'],
];

/** Results of the last few script conversions; asking again for the same text costs nothing. */
const scriptCache = new Map<string, Map<ScriptTarget, ScriptEdit[]>>();

/** The code action kind of a conversion: "refactor.rewrite.script.tw". */
export const SCRIPT_KIND = (target: ScriptTarget): string => `${CodeActionKind.RefactorRewrite}.script.${target}`;

function scriptActions(doc: IndexedDoc, start: number, end: number, token: CancellationToken, tr: Translator): CodeAction[] {
  const whole = start === end;
  const from = whole ? 0 : start;
  const to = whole ? doc.text.length : end;
  const text = doc.text.slice(from, to);
  if (!HAS_CJK.test(text)) return [];
  let results = scriptCache.get(text);
  if (!results) {
    results = new Map();
    for (const [target] of SCRIPT_ACTIONS) {
      const edits = scriptEdits(text, target, () => token.isCancellationRequested);
      if (!edits) return [];
      results.set(target, edits);
    }
    if (scriptCache.size >= 8) scriptCache.delete(scriptCache.keys().next().value as string);
    scriptCache.set(text, results);
  }
  const out: CodeAction[] = [];
  for (const [target, key] of SCRIPT_ACTIONS) {
    const edits = results.get(target)!;
    if (!edits.length) continue; // nothing would change
    const changes = edits.map((e) => TextEdit.replace(toRange(doc, from + e.offset, e.length), e.text));
    const label = tr(key);
    out.push({ title: whole ? tr('action.wholeDocument', label) : label, kind: SCRIPT_KIND(target), edit: { changes: { [doc.uri]: changes } } });
  }
  return out;
}

/** Adds a candidate of document `docUri` to the entity file of the document's folder (created when absent). */
async function addEntityAction(ctx: FeatureContext, docUri: string, mention: Mention, tr: Translator): Promise<CodeAction | null> {
  const result = await addEntityEdit(ctx, { name: mention.name, uri: docUri }, tr);
  // Refused (the file is broken, the name is listed): no action; the file's diagnostics say why.
  if (!('edit' in result)) return null;
  return { title: tr('action.addEntity', mention.name), kind: CodeActionKind.Refactor, edit: result.edit as WorkspaceEdit };
}

/** The code actions for a range of a digest. */
export async function codeActionsFor(ctx: FeatureContext, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const doc = ctx.index.get(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const start = toOffset(doc, params.range.start);
  const end = toOffset(doc, params.range.end);
  const settings = await ctx.settings(doc.uri);
  const tr = translator(await ctx.locale(doc.uri));
  const out: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const mismatches = findMismatches(doc.text, doc.analysis.figures, doc.analysis.date, settings.conversionTolerance, settings.rateOverrides);
    for (const m of mismatches) if (overlaps(m.to, start, end)) out.push(replaceConversion(doc, m, params.context.diagnostics, tr));
    out.push(...replaceTickerActions(doc, ctx.gazetteer(doc.uri), start, end, params.context.diagnostics, tr));
  }
  if (wants(only, CodeActionKind.Refactor)) {
    for (const f of doc.analysis.figures) {
      if (f.offset > end) break;
      if (!overlaps(f, start, end)) continue;
      const action = insertConversion(doc, f, settings.baseCurrency, settings.rateOverrides, tr);
      if (action) out.push(action);
      if (out.length >= 5) break;
    }
    const seen = new Set<string>();
    for (const m of doc.analysis.mentions) {
      if (m.offset > end) break;
      if (m.kind !== 'candidate' || !overlaps(m, start, end) || seen.has(m.id)) continue;
      seen.add(m.id);
      const action = await addEntityAction(ctx, doc.uri, m, tr);
      if (action) out.push(action);
    }
  }
  // Script conversions convert the whole text: not on the light bulb's automatic requests
  // (each cursor move), only when code actions are asked for (Ctrl+., the commands).
  const automatic = params.context.triggerKind === CodeActionTriggerKind.Automatic && !only?.length;
  const scriptKinds = wants(only, CodeActionKind.RefactorRewrite) || !!only?.some((o) => o.startsWith(`${CodeActionKind.RefactorRewrite}.script`));
  if (scriptKinds && !automatic && !token.isCancellationRequested) {
    out.push(...scriptActions(doc, start, end, token, tr).filter((a) => wants(only, a.kind!)));
  }
  return out;
}

export const feature: Feature = {
  name: 'codeActions',
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite] },
  },
  register(ctx) {
    ctx.connection.onCodeAction(ctx.guard('codeActions', (params: CodeActionParams, token: CancellationToken) => codeActionsFor(ctx, params, token)));
  },
};
