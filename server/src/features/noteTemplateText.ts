/**
 * The text of a new note (issue 17) from the workspace's house style (analysis/houseStyle.ts)
 * and today's date: the date line in the notes' own form and place, then the sections they
 * use most, each with an empty body. Two spellings of the same template: plain text, and an
 * LSP snippet whose tab stops are the title (when the notes have one) and each section's
 * body. Pure: the date and the words are given, so tests fix them.
 */
import type { DateForm, DatePart, HouseStyle, WeekdayForm } from '../analysis/houseStyle';

/** The words the template needs in the user's language (from the l10n tables). */
export interface TemplateWords {
  /** The placeholder of a note's title. */
  title: string;
  /** The word after the date in the default date heading, when no note shows a style ("Digest", 摘要). */
  edition: string;
}

/** A calendar day (local time: the user's "today"). */
export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface NoteTemplate {
  text: string;
  snippet: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DAYS = '日一二三四五六';

/** The local calendar day of a clock reading. */
export function localDay(now: Date): Day {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatDate(form: DateForm, d: Day): string {
  switch (form.kind) {
    case 'num':
      return form.pad ? `${d.year}${form.sep}${pad2(d.month)}${form.sep}${pad2(d.day)}` : `${d.year}${form.sep}${d.month}${form.sep}${d.day}`;
    case 'cjk':
      return `${d.year}年${d.month}月${d.day}${form.dayChar}`;
    case 'en': {
      const name = MONTHS[d.month - 1];
      const month = form.long ? name : name.slice(0, 3);
      return form.order === 'mdy' ? `${month} ${d.day}${form.comma ? ',' : ''} ${d.year}` : `${d.day} ${month}${form.comma ? ',' : ''} ${d.year}`;
    }
  }
}

export function formatWeekday(form: WeekdayForm, d: Day): string {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  if (form.kind === 'en') return form.long ? DAYS[w] : DAYS[w].slice(0, 3);
  return form.lead + (w === 0 ? form.sunday : ZH_DAYS[w]);
}

/** A date line of this pattern for the day. */
export function formatDateLine(parts: readonly DatePart[], d: Day): string {
  return parts.map((p) => ('lit' in p ? p.lit : 'date' in p ? formatDate(p.date, d) : formatWeekday(p.weekday, d))).join('');
}

/** Literal text inside an LSP snippet: `\`, `$` and `}` escaped. */
export function escapeSnippet(s: string): string {
  let out = '';
  for (const c of s) out += c === '\\' || c === '$' || c === '}' ? `\\${c}` : c;
  return out;
}

/** The date line when no note shows one: an ISO date heading with a word in the user's language. */
export function defaultDateParts(words: TemplateWords): DatePart[] {
  return [{ lit: '# ' }, { date: { kind: 'num', sep: '-', pad: true } }, { lit: ` ${words.edition}` }];
}

/**
 * The template: lines of text, each with its snippet spelling. Blank lines separate the
 * date line, the title and every section; each section's body is a tab stop.
 */
export function renderTemplate(style: HouseStyle, day: Day, words: TemplateWords): NoteTemplate {
  const text: string[] = [];
  const snippet: string[] = [];
  let stop = 0;
  const literal = (s: string) => {
    text.push(s);
    snippet.push(escapeSnippet(s));
  };
  const tabStop = (marks: string, placeholder = '') => {
    stop++;
    text.push(marks + placeholder);
    snippet.push(escapeSnippet(marks) + (placeholder ? `\${${stop}:${escapeSnippet(placeholder)}}` : `\$${stop}`));
  };
  const date = style.date;
  const dateLine = formatDateLine(date ? date.parts : defaultDateParts(words), day);
  const place = date ? date.place : 'top';
  if (place === 'top') literal(dateLine);
  else {
    tabStop(date!.titleMarks, words.title);
    if (place === 'afterTitle') literal(dateLine);
  }
  if (style.sections.length === 0) {
    literal('');
    tabStop('');
  }
  for (const s of style.sections) {
    literal('');
    literal(`${'#'.repeat(s.level)} ${s.title}`);
    literal('');
    tabStop('');
  }
  if (place === 'footer') {
    literal('');
    literal(dateLine);
  }
  return { text: text.join('\n') + '\n', snippet: snippet.join('\n') + '\n' };
}
