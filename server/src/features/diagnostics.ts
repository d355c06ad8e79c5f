/**
 * Diagnostics, pushed with textDocument/publishDiagnostics:
 *  - conversion-mismatch (Warning): a stated conversion that disagrees with the reference
 *    rate beyond digestLens.conversionTolerance, on the stated figure;
 *  - ambiguous-zhao, ambiguous-yen (Information): a figure whose scale or currency had to be
 *    guessed;
 *  - not-analysed (Information): where the analysis of an open note over digestLens.maxFileSize
 *    stops (index/analysedPart.ts), at the first line left out;
 *  - user-file (Error): a problem in the user's entity or theme file, at its line/column;
 *  - inconsistent-fact (Information): a fact that an earlier note states with another value
 *    for the same subject, metric and period (facts/consistency.ts), both values and dates;
 *  - ticker-mismatch (Warning): a ticker written beside another company's name ("腾讯
 *    (9988.HK)"), at the ticker (tickerMismatch.ts, over analysis/tickerCheck.ts), with the
 *    named company's ticker for the quick fix.
 * Open digests are checked whenever the index changes for them and after a full re-index
 * (which is what a settings change causes), on whole analyses only (not on the provisional
 * one of a long note just edited); closing a document clears its diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { IndexedDoc, WorkspaceIndex } from '../index/workspaceIndex';
import { positionAt } from '../analysis/text';
import { conflictsOf } from '../facts/consistency';
import { consistencyKey, factStoreOf, type StoredFact } from '../facts/store';
import type { DigestSettings } from '../settings';
import { parseUserEntities } from '../analysis/userFiles/entities';
import { parseUserThemes } from '../analysis/userFiles/themes';
import type { Feature, FeatureContext, UserFileProblem } from './context';
import { conversionMessage, findMismatches } from './conversionCheck';
import { english, metricLabel, translator, type Translator } from '../l10n';
import { toRange } from './positions';
import { TICKER_MISMATCH, tickerMismatchDiagnostics } from './tickerMismatch';

/** The `source` of every diagnostic of the extension. */
export const SOURCE = 'digest-lens';

/** Diagnostic codes. */
export const Codes = {
  conversionMismatch: 'conversion-mismatch',
  zhao: 'ambiguous-zhao',
  yen: 'ambiguous-yen',
  notAnalysed: 'not-analysed',
  userFile: 'user-file',
  inconsistent: 'inconsistent-fact',
  tickerMismatch: TICKER_MISMATCH,
} as const;

/** Diagnostics are checked after this long without changes, and at most this long after the first. */
const QUIET_MS = 15;
const MAX_WAIT_MS = 150;

/** Most earlier notes named in one consistency diagnostic. */
const MAX_CONFLICTS_SHOWN = 3;

/** "800亿元 (2026-01-14)" */
const stated = (f: StoredFact) => `${f.figure.text}${f.date ? ` (${f.date})` : ''}`;

/**
 * Information diagnostics on the facts of a note that disagree with an earlier note on the
 * same subject, metric and period: both values and dates, the earlier one linked.
 */
export function consistencyDiagnostics(doc: IndexedDoc, index: WorkspaceIndex, settings: Pick<DigestSettings, 'conversionTolerance' | 'rateOverrides'>, tr: Translator = english): Diagnostic[] {
  const store = factStoreOf(index);
  const out: Diagnostic[] = [];
  for (const f of store.factsIn(doc.uri)) {
    if (!consistencyKey(f)) continue;
    const earlier = conflictsOf(f, store.sameKey(f), settings.conversionTolerance, settings.rateOverrides);
    if (!earlier.length) continue;
    const shown = earlier.slice(0, MAX_CONFLICTS_SHOWN);
    const where = shown.map((e) => tr('diag.inconsistentIn', stated(e), fileName(e.uri))).join(tr.locale === 'en' ? '; ' : '；');
    const others = earlier.length > shown.length ? tr('diag.inconsistentMore', where, earlier.length - shown.length) : where;
    const what = `${f.subject!.name} ${metricLabel(tr, f.metric)} ${f.period}`;
    out.push({
      range: toRange(doc, f.figure.offset, f.figure.length),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: Codes.inconsistent,
      message: tr('diag.inconsistent', what, stated(f), others),
      relatedInformation: shown.map((e) => ({
        location: { uri: e.uri, range: { start: positionAt(e.lineStarts, e.figure.offset), end: positionAt(e.lineStarts, e.figure.offset + e.figure.length) } },
        message: tr('diag.inconsistentRelated', what, stated(e)),
      })),
    });
  }
  return out;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Data carried by a conversion-mismatch diagnostic, for the quick fix. */
export interface MismatchData {
  /** What the stated figure should say, in `currency`. */
  expected: number;
  currency: string;
}

/** The diagnostics of one digest: stated conversions that disagree, and guessed scales or currencies. */
export function digestDiagnostics(doc: IndexedDoc, settings: DigestSettings, tr: Translator = english): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { analysis } = doc;
  for (const m of findMismatches(doc.text, analysis.figures, analysis.date, settings.conversionTolerance, settings.rateOverrides)) {
    const data: MismatchData = { expected: m.expected, currency: m.to.currency };
    out.push({
      range: toRange(doc, m.to.offset, m.to.length),
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: Codes.conversionMismatch,
      message: tr.locale === 'en' ? m.message : conversionMessage(m, tr),
      relatedInformation: [{ location: { uri: doc.uri, range: toRange(doc, m.from.offset, m.from.length) }, message: tr('diag.amountConverted') }],
      data,
    });
  }
  for (const f of analysis.figures) {
    if (f.ambiguity === 'zhao') {
      out.push({
        range: toRange(doc, f.offset, f.length),
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: Codes.zhao,
        message: tr('diag.zhao'),
      });
    } else if (f.ambiguity === 'yen-sign') {
      out.push({
        range: toRange(doc, f.offset, f.length),
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: Codes.yen,
        message: tr('diag.yen', f.currency),
      });
    }
  }
  if (doc.analysedLength < doc.text.length) {
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
    const start = doc.analysedLength;
    out.push({
      range: toRange(doc, start, Math.min(doc.text.length, start + 1) - start),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: Codes.notAnalysed,
      message: tr('diag.notAnalysed', mb(Buffer.byteLength(doc.text)), mb(settings.maxFileSize)),
    });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

/** Error diagnostics for the problems of a user file (1-based line/column → LSP range over one character). */
export function userFileDiagnostics(problems: readonly UserFileProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = Math.max(0, p.line - 1);
    const character = Math.max(0, p.column - 1);
    return {
      range: { start: { line, character }, end: { line, character: character + 1 } },
      severity: p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      source: SOURCE,
      code: Codes.userFile,
      message: p.message,
    };
  });
}


export const feature: Feature = {
  name: 'diagnostics',
  register(ctx) {
    /** Uris of user files we published non-empty diagnostics for (cleared when fixed). */
    const userFilesShown = new Set<string>();
    /** Latest run per uri: an older asynchronous run never overwrites a newer one. */
    const runs = new Map<string, number>();
    let pending: Set<string> | 'all' | null = null;

    /** The entity and theme files of every folder. */
    const userFileUris = () => {
      const states = ctx.allUserFiles();
      const entities = new Set(states.map((s) => s.entities.uri).filter((u): u is string => !!u));
      const themes = new Set(states.map((s) => s.themes.uri).filter((u): u is string => !!u));
      return { entities, themes, has: (uri: string) => entities.has(uri) || themes.has(uri) };
    };

    /** Problems of a user file: parsed from the live text when open, else as the server loaded it. */
    const userProblems = (uri: string): UserFileProblem[] => {
      const open = ctx.documents.get(uri);
      for (const state of ctx.allUserFiles()) {
        if (uri === state.entities.uri) return open ? parseUserEntities(open.getText(), uri).errors : state.entities.problems;
        if (uri === state.themes.uri) return open ? parseUserThemes(open.getText(), uri).errors : state.themes.problems;
      }
      return [];
    };

    /** Last diagnostics sent for each user file: they are re-checked often and rarely change. */
    const userFileSent = new Map<string, string>();

    const publish = async (uri: string, compute: (s: DigestSettings, tr: Translator) => Diagnostic[], version?: number, dedupe = false) => {
      const run = (runs.get(uri) ?? 0) + 1;
      runs.set(uri, run);
      const settings = await ctx.settings(uri);
      const tr = translator(await ctx.locale(uri));
      if (runs.get(uri) !== run) return;
      const diagnostics = settings.diagnosticsEnabled ? compute(settings, tr) : [];
      if (dedupe) {
        const key = JSON.stringify(diagnostics);
        if (userFileSent.get(uri) === key) return;
        userFileSent.set(uri, key);
      }
      await ctx.connection.sendDiagnostics({ uri, version, diagnostics });
    };

    const refreshUserFiles = async () => {
      const uris = userFileUris();
      const current = new Set([...uris.entities, ...uris.themes]);
      for (const uri of current) {
        await publish(uri, () => {
          const diags = userFileDiagnostics(userProblems(uri));
          if (diags.length) userFilesShown.add(uri);
          else userFilesShown.delete(uri);
          return diags;
        }, undefined, true);
      }
      // A user file that moved (setting changed) or was deleted: clear what we showed.
      for (const uri of [...userFilesShown]) {
        if (current.has(uri)) continue;
        userFilesShown.delete(uri);
        userFileSent.delete(uri);
        await ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    };

    const refreshDoc = async (uri: string) => {
      const uris = userFileUris();
      if (uris.has(uri)) return; // handled by refreshUserFiles
      if (ctx.isRatesFile(uri)) return; // published by its loader (workspace/userRatesLoader.ts)
      const open = ctx.documents.get(uri);
      const doc = ctx.index.get(uri);
      if (!open || !doc) return;
      // A long note's analysis is provisional just after an edit (index/provisional.ts): its
      // diagnostics come with the whole analysis, which changes the index again.
      if (ctx.index.needsExact(uri)) return;
      await publish(
        uri,
        (s, tr) => [...digestDiagnostics(doc, s, tr), ...consistencyDiagnostics(doc, ctx.index, s, tr), ...tickerMismatchDiagnostics(doc, ctx.gazetteer(uri), tr)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
        open.version,
      );
    };

    const flush = async () => {
      const change = pending;
      pending = null;
      if (!change) return;
      const uris = change === 'all' ? ctx.documents.all().map((d) => d.uri) : [...change];
      for (const uri of uris) await refreshDoc(uri);
      await refreshUserFiles();
    };

    // Coalesce: a re-index touches many uris in one tick; publish once per uri. And wait for
    // a short quiet spell: each edit of an open note changes the index, and checking after
    // every one of a burst (a paste, a replace-all, fast typing in a large note) would
    // analyse the note once per edit, where the index analyses it once, when first asked.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let since = 0;
    const run = () => {
      timer = null;
      void flush().catch((e) => ctx.log.error(`diagnostics failed: ${(e as Error).message}`));
    };
    const schedule = (uris: string[] | 'all') => {
      if (uris === 'all' || pending === 'all') pending = 'all';
      else {
        pending ??= new Set();
        for (const u of uris) (pending as Set<string>).add(u);
      }
      const now = performance.now();
      if (timer) clearTimeout(timer);
      else since = now;
      // Never later than MAX_WAIT_MS after the first change, however long the typing goes on.
      timer = setTimeout(run, now - since >= MAX_WAIT_MS ? 0 : QUIET_MS);
    };

    ctx.index.onChange((change) => schedule(change.uris));
    ctx.onRefresh(() => schedule('all'));
    ctx.documents.onDidOpen((e) => schedule([e.document.uri]));
    // An open user file is checked as it is typed, whether or not its entities changed.
    ctx.documents.onDidChangeContent((e) => {
      const uris = userFileUris();
      if (uris.has(e.document.uri)) schedule([]);
    });
    ctx.documents.onDidClose((e) => {
      const uris = userFileUris();
      if (uris.has(e.document.uri)) {
        schedule([]);
        return;
      }
      if (ctx.isRatesFile(e.document.uri)) return; // its problems on disk still stand
      runs.set(e.document.uri, (runs.get(e.document.uri) ?? 0) + 1);
      void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  },
};
