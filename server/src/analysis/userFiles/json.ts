/**
 * The JSON reader of the user files (entities and themes): jsonc-parser, the parser VS Code
 * uses for its own settings files, so comments and trailing commas are accepted and every
 * node keeps its offset. Never throws: syntax errors come back with their offsets, and a
 * file nested deeper than MAX_DEPTH is refused before it is parsed.
 */
// The ES module build: esbuild cannot follow the relative requires inside the UMD build's
// factory (the package's "main"), so the bundle would fail at load.
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export type { Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { lineStarts, positionAt } from '../text';
import { MAX_PROBLEMS } from './limits';

/** A problem in a user file: a message and the offset it is about. */
export interface OffsetError {
  message: string;
  offset: number;
}

/** One problem in a user file, 1-based line and column, as diagnostics and the CLI show it. */
export interface UserFileError {
  message: string;
  line: number;
  column: number;
  /** Set for a problem that leaves the entry working (only the thing named is left out). */
  severity?: 'warning';
}

const MAX_DEPTH = 64;

/** jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read). */
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** What each jsonc-parser error code means, in words. */
const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after a property name",
  CommaExpected: "Expected ','",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: 'Unexpected text after the end of the JSON value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid \\u escape in string',
  InvalidEscapeCharacter: 'Invalid escape in string',
  InvalidCharacter: 'Invalid character in string',
};

function messageOf(e: ParseError, text: string): string {
  const code = printParseErrorCode(e.error);
  if (e.offset >= text.length && code !== 'EndOfFileExpected') return `Unexpected end of file (${(MESSAGES[code] ?? code).toLowerCase()})`;
  return MESSAGES[code] ?? code;
}

/** Offset of the first bracket deeper than MAX_DEPTH, or -1 (one linear pass of the scanner). */
function tooDeep(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth--;
  }
  return -1;
}

/**
 * Reads a JSON (with comments) document. A leading byte-order mark counts as a space, so
 * offsets stay those of the text. `root` is undefined for an empty or hopeless document.
 */
export function readJson(text: string): { root: Node | undefined; errors: OffsetError[] } {
  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const deep = tooDeep(src);
  if (deep >= 0) return { root: undefined, errors: [{ message: `Nesting deeper than ${MAX_DEPTH} levels`, offset: deep }] };
  const raw: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(src, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (e) {
    return { root: undefined, errors: [{ message: `Unreadable JSON (${(e as Error).message})`, offset: 0 }] };
  }
  return { root, errors: raw.map((e) => ({ message: messageOf(e, src), offset: e.offset })) };
}

/** The value of property `key` of an object node. */
export function member(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

/** The list a user file holds: the top-level array, or the array under a top-level `key`. */
export function listOf(root: Node | undefined, key: string): Node | undefined {
  if (root?.type === 'array') return root;
  const v = member(root, key);
  return v?.type === 'array' ? v : undefined;
}

/** 1-based line and column of an offset, given the line starts (analysis/text.ts: lineStarts). */
function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  const p = positionAt(starts, offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/**
 * A list of problems of one file and the function that adds one at an offset. Past
 * MAX_PROBLEMS a file of 100,000 bad entries would flood the editor with diagnostics: the
 * rest are counted in one last problem, at the first of them.
 */
export function problems(text: string): { errors: UserFileError[]; report: (message: string, offset: number, severity?: 'warning') => void } {
  const starts = lineStarts(text);
  const errors: UserFileError[] = [];
  let more = 0;
  let first = '';
  let summary: UserFileError | undefined;
  return {
    errors,
    report: (message, offset, severity) => {
      if (errors.length < MAX_PROBLEMS) return void errors.push(severity ? { message, ...lineColumn(starts, offset), severity } : { message, ...lineColumn(starts, offset) });
      if (!summary) {
        first = message;
        summary = errors[errors.push({ message: '', ...lineColumn(starts, offset) }) - 1];
      }
      summary.message = `${++more} more problem(s) not shown; the first, here: ${first}`;
    },
  };
}
