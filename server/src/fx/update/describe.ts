/** The sentence a `rates update` ends with, in the user's language (the CLI's in English). */
import type { Arg, MessageKey, Translator } from '../../l10n';
import type { SourceOutcome, UpdateOutcome } from './update';

/** Why one source failed, as a phrase. */
export function failureText(tr: Translator, o: SourceOutcome & { ok: false }): string {
  const args: Arg[] = o.detail === undefined ? [] : [o.detail];
  return tr(`rates.why.${o.code}` as MessageKey, ...args);
}

/** One source's result: "ECB: up to 2026-12-03" or "Federal Reserve H.10: the server answered HTTP 500". */
export function sourceText(tr: Translator, o: SourceOutcome): string {
  const name = tr(`rates.source.${o.source}` as MessageKey);
  return o.ok ? tr('rates.sourceNewest', name, o.newest) : tr('rates.sourceFailed', name, failureText(tr, o));
}

/** The whole outcome as one message. */
export function outcomeText(tr: Translator, out: UpdateOutcome): string {
  const parts = out.sources.map((s) => sourceText(tr, s)).join('; ');
  if (out.updated) return tr('rates.updated', parts);
  if (out.sources.some((s) => s.ok)) return tr('rates.notSaved', out.problem ?? '');
  return tr('rates.failedAll', parts);
}
