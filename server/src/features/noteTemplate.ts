/**
 * digestLens/noteTemplate (issue 17): a new note in the house style of a workspace folder's
 * notes, for the command "New Digest Note" and the template completion (completion/template.ts).
 *
 * The style is read from the SAMPLE newest notes (by their date, then uri): how the notes
 * are written now, at the cost of a few dozen texts rather than the whole workspace. It is
 * kept per folder until a change can alter it (see `stale`), so a completion asking again
 * as the user types a new note costs nothing.
 */
import * as P from '../../../protocol/src';
import { houseStyle, type HouseStyle } from '../analysis/houseStyle';
import { translator } from '../l10n';
import type { Feature, FeatureContext } from './context';
import { localDay, renderTemplate, type Day, type NoteTemplate } from './noteTemplateText';

/** Newest notes whose style counts. */
export const SAMPLE = 40;

export interface NoteTemplateAnswer extends NoteTemplate {
  date: string;
  notes: number;
}

/** A folder's style, what it was read from, and the notes changed since. */
interface Kept {
  style: HouseStyle;
  /** The notes sampled. */
  sample: Set<string>;
  /** The date of the oldest sampled note ('' when undated notes were sampled). */
  oldest: string;
  /** True when the folder had more notes than the sample holds. */
  full: boolean;
  /** Notes changed since, not yet looked at (looking may need their analysis: done when asked, not per keystroke). */
  changed: Set<string> | 'all';
}

/** House styles by folder ('' for the whole workspace). */
const styles = new WeakMap<FeatureContext, Map<string, Kept>>();

/** The folder whose notes set the style of a note at `uri` (a folder's own uri is its folder). */
function folderFor(ctx: FeatureContext, uri: string | undefined): string {
  if (!uri) return '';
  if (ctx.folders().includes(uri)) return uri;
  return ctx.folderOf(uri) ?? '';
}

/**
 * Whether the changes since a style was read can change it: a sampled note changed, or a
 * note of the folder now dated at least as new as the oldest sampled one (or any note of
 * the folder, while it has no more notes than the sample). Typing in a new undated note
 * leaves a large folder's style as it was.
 */
function stale(ctx: FeatureContext, folder: string, kept: Kept): boolean {
  if (kept.changed === 'all') return true;
  for (const uri of kept.changed) {
    if (kept.sample.has(uri)) return true;
    if (folder && ctx.folderOf(uri) !== folder) continue;
    if (!kept.full) return true;
    // A note gone from the index that was not sampled changes nothing.
    if (!ctx.index.has(uri)) continue;
    if ((ctx.index.dateOf(uri) ?? '') >= kept.oldest) return true;
  }
  kept.changed = new Set();
  return false;
}

/** The house style of a folder's notes ('' : every note), from the newest SAMPLE of them. */
export function styleOf(ctx: FeatureContext, folder: string): HouseStyle {
  let cache = styles.get(ctx);
  if (!cache) {
    const made = new Map<string, Kept>();
    styles.set(ctx, (cache = made));
    ctx.index.onChange((change) => {
      for (const kept of made.values()) {
        if (change.uris === 'all' || kept.changed === 'all') kept.changed = 'all';
        else for (const uri of change.uris) kept.changed.add(uri);
      }
    });
    ctx.onRefresh(() => made.clear());
  }
  const kept = cache.get(folder);
  if (kept && !stale(ctx, folder, kept)) return kept.style;
  // The SAMPLE newest (by date, undated last, the uri breaking ties so the sample is always
  // the same), kept in order as the notes go by: no sort of the whole workspace.
  const sample: { uri: string; date: string }[] = [];
  const before = (a: { uri: string; date: string }, b: { uri: string; date: string }) => (a.date !== b.date ? a.date > b.date : a.uri < b.uri);
  let count = 0;
  for (const doc of ctx.index.all()) {
    if (folder && ctx.folderOf(doc.uri) !== folder) continue;
    count++;
    const note = { uri: doc.uri, date: ctx.index.dateOf(doc.uri) ?? '' };
    if (sample.length === SAMPLE && !before(note, sample[SAMPLE - 1])) continue;
    let k = sample.length === SAMPLE ? SAMPLE - 1 : sample.length;
    while (k > 0 && before(note, sample[k - 1])) {
      sample[k] = sample[k - 1];
      k--;
    }
    sample[k] = note;
  }
  const texts: string[] = [];
  for (const n of sample) {
    const text = ctx.index.get(n.uri)?.text;
    if (text) texts.push(text);
  }
  const style = houseStyle(texts);
  cache.set(folder, { style, sample: new Set(sample.map((n) => n.uri)), oldest: sample.length ? sample[sample.length - 1].date : '', full: count > SAMPLE, changed: new Set() });
  return style;
}

const isoDay = (d: Day) => `${d.year}-${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;

/** The template for a note at `uri` (or a folder's), dated `now` in local time. */
export async function noteTemplate(ctx: FeatureContext, uri: string | undefined, now: Date = new Date()): Promise<NoteTemplateAnswer> {
  ctx.index.settle();
  const style = styleOf(ctx, folderFor(ctx, uri));
  const tr = translator(await ctx.locale(uri));
  const day = localDay(now);
  const template = renderTemplate(style, day, { title: tr('template.title'), edition: tr('template.edition') });
  return { ...template, date: isoDay(day), notes: style.date ? style.date.notes : 0 };
}

function register(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    P.NoteTemplateRequest,
    ctx.guard('noteTemplate', async (params: P.NoteTemplateParams): Promise<P.NoteTemplateResult> => {
      const uri = typeof params?.uri === 'string' && params.uri ? params.uri : undefined;
      return noteTemplate(ctx, uri);
    }),
  );
}

export const feature: Feature = { name: 'noteTemplate', register };
