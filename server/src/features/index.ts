/** Every LSP feature of the server, in registration order. */
import type { Feature } from './context';
import { feature as semanticTokens } from './semanticTokens';
import { feature as hover } from './hover';
import { feature as inlayHints } from './inlayHints';
import { feature as definition } from './definition';
import { feature as references } from './references';
import { feature as highlights } from './highlights';
import { feature as documentSymbols } from './documentSymbols';
import { feature as workspaceSymbols } from './workspaceSymbols';
import { feature as rename } from './rename';
import { feature as diagnostics } from './diagnostics';
import { feature as codeActions } from './codeActions';
import { feature as addEntity } from './addEntity';
import { feature as sidebar } from './sidebar';
import { feature as facts } from './facts';
import { feature as noteRates } from './noteRates';
import { feature as completion } from './completion';
import { feature as noteTemplate } from './noteTemplate';

export const FEATURES: Feature[] = [
  semanticTokens,
  hover,
  inlayHints,
  definition,
  references,
  highlights,
  documentSymbols,
  workspaceSymbols,
  rename,
  diagnostics,
  codeActions,
  addEntity,
  sidebar,
  facts,
  noteRates,
  completion,
  noteTemplate,
];
