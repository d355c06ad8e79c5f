/**
 * "Add entity", implemented once: the edit that adds an entry to the entity file of a
 * folder (analysis/userFiles/entities.ts writes it). The client's Add Entity command asks
 * for it with digestLens/addEntityEdit and applies it; the "Add … to your entity list"
 * code action offers the same edit. It also gives the text of a new, empty entity file
 * (digestLens/entityFileTemplate) for "Open entity file". Nothing here writes a file.
 */
import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { readRegularText, USER_FILE_READ_CAP } from '../io/safeRead';
import { URI, Utils } from 'vscode-uri';
import * as P from '../../../protocol/src';
import { ENTITY_KINDS, entityIdFor, entityInsertion, listedIn, nameKey, newEntityFile, type NewEntity } from '../analysis/userFiles/entities';
import { entityFileWith } from '../analysis/userFiles/templates';
import { lineStarts, positionAt } from '../analysis/text';
import { translator, type Translator } from '../l10n';
import type { Feature, FeatureContext } from './context';
import { convertName } from './scriptConversion';

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Kinds a user may add (a "candidate" is what the analysis calls a name it does not know). */
const ADDABLE = new Set<string>(ENTITY_KINDS.filter((k) => k !== 'candidate'));

/** A list from the request: strings only, trimmed, without empties, repeats or the name itself. */
function cleanList(list: unknown, name: string): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const v of list) if (typeof v === 'string' && v.trim() && !/[\r\n]/.test(v) && v.trim() !== name) out.add(v.trim());
  return [...out];
}

/** The file's text: the editor's when it has it open, else the disk's; null when there is no file. */
async function currentText(ctx: FeatureContext, uri: string, fromClient: P.AddEntityEditParams['file']): Promise<string | null> {
  if (fromClient && typeof fromClient.text === 'string' && fromClient.uri === uri) return fromClient.text;
  const open = ctx.documents.get(uri);
  if (open) return open.getText();
  try {
    return await readRegularText(URI.parse(uri).fsPath, USER_FILE_READ_CAP);
  } catch {
    return null;
  }
}

/**
 * The edit adding an entity, or why not: the name (one line) and kind are checked; a name
 * or alias the folder's entity list already has is refused; the id is unique among the
 * file's ids, the folder's user entities and the built-in ones; a Chinese name gets its
 * other-script forms as aliases; the file is created when the folder has none.
 */
export async function addEntityEdit(ctx: FeatureContext, request: P.AddEntityEditParams | undefined, tr: Translator): Promise<P.AddEntityEditResult> {
  const params: Partial<P.AddEntityEditParams> = request && typeof request === 'object' ? request : {};
  const name = typeof params.name === 'string' ? params.name.trim() : '';
  if (!name || /[\r\n]/.test(name)) return { refusal: tr('addEntity.noName') };
  const kind = typeof params.kind === 'string' && params.kind.trim() ? params.kind.trim().toLowerCase() : 'company';
  if (!ADDABLE.has(kind)) return { refusal: tr('addEntity.badKind', String(params.kind)) };
  const where = typeof params.uri === 'string' ? params.uri : undefined;
  const folder = (where && (ctx.folderOf(where) ?? (ctx.folders().includes(where) ? where : undefined))) ?? ctx.folders()[0];
  if (!folder) return { refusal: tr('addEntity.noFolder') };
  // A uri inside the folder: the per-folder lookups go by the folder containing a uri.
  const scope = folder.endsWith('/') ? folder : folder + '/';

  // From the settings as they are now (the loaded file state may lag a settings change), as the server reads it.
  const uri = Utils.joinPath(URI.parse(folder), (await ctx.settings(scope)).entitiesFile).toString();
  const fileName = URI.parse(uri).path;
  const text = await currentText(ctx, uri, params.file);

  const variants = HAS_CJK.test(name) ? [convertName(name, 'tw'), convertName(name, 'hk'), convertName(name, 'cn')] : [];
  const typed = cleanList(params.aliases, name);
  const aliases = cleanList([...typed, ...variants], name);
  const tickers = cleanList(params.tickers, name);

  // Already listed: by the file as the editor has it, or by the folder's loaded entities.
  const listed = text ? listedIn(text, fileName) : { ids: new Set<string>(), names: new Map<string, string>() };
  for (const e of ctx.userEntities(scope)) for (const n of e.names) if (!listed.names.has(nameKey(n))) listed.names.set(nameKey(n), e.id);
  for (const n of [name, ...typed]) {
    const owner = listed.names.get(nameKey(n));
    if (owner) return { refusal: tr('addEntity.duplicate', n, owner) };
  }
  const userIds = new Set(ctx.userEntities(scope).map((e) => e.id));
  const gazetteer = ctx.gazetteer(scope);
  const entry: NewEntity = { id: entityIdFor(name, (id) => listed.ids.has(id) || userIds.has(id) || !!gazetteer.get(id)), name, aliases, tickers, kind };

  let edit: WorkspaceEdit;
  if (text === null) {
    edit = { documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, newEntityFile(entry, fileName))])] };
  } else {
    const ins = entityInsertion(text, entry, fileName);
    if (!ins) return { refusal: tr('addEntity.noList', Utils.basename(URI.parse(uri))), file: uri };
    edit = { changes: { [uri]: [TextEdit.insert(positionAt(lineStarts(text), ins.offset), ins.text)] } };
  }
  return { edit, uri, id: entry.id, name };
}

/** The text of a new, empty entity file: JSON, or CSV when the file's name says so. */
export function entityFileTemplate(params: P.EntityFileTemplateParams | undefined): P.EntityFileTemplateResult {
  const uri = params && typeof params === 'object' && typeof params.uri === 'string' ? params.uri : '';
  let fileName = '';
  try {
    fileName = uri ? URI.parse(uri).path : '';
  } catch {
    // Not a uri: the default format.
  }
  return { text: entityFileWith(fileName) };
}

export const feature: Feature = {
  name: 'addEntity',
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(
      P.AddEntityEditRequest,
      ctx.guard('addEntity', async (params: P.AddEntityEditParams) => addEntityEdit(ctx, params, translator(await ctx.locale(params?.uri)))),
    );
    ctx.connection.onRequest(P.EntityFileTemplateRequest, ctx.guard('addEntity', entityFileTemplate));
  },
};
