/**
 * What one source of completions is given and gives (issue 17): the open document, the
 * cursor, the settings of the document and the feature context; items in the order the
 * source ranks them. Sources are pure over what they are given, so they are tested alone.
 */
import type { CompletionItem, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DigestSettings } from '../../settings';
import type { FeatureContext } from '../context';

export interface CompletionRequest {
  ctx: FeatureContext;
  doc: TextDocument;
  position: Position;
  settings: DigestSettings;
  /** The character that triggered the request, when one did ("(", "（"). */
  trigger?: string;
}

export type CompletionSource = (req: CompletionRequest) => CompletionItem[] | Promise<CompletionItem[]>;
