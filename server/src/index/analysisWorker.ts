/**
 * An analysis worker (node:worker_threads), bundled as dist/analysisWorker.js. It reads,
 * decodes and analyses digests given by path and answers with packed analyses whose
 * buffers are transferred, not copied. The server's main thread stays free for requests.
 *
 * Messages in:  {type: 'setup', folders: FolderUserFiles[], gazetteerImage?}  then any number of
 *               {type: 'batch', id, files: FileTask[]}
 * Messages out: {type: 'batch', id, results: FileResult[], strings, entities}
 *
 * A batch carries the strings and entity triples its table gained, with the table's size
 * before it: the table could live over several batches (the server then maps only what is
 * new), but starts afresh for each (see TABLE_LIMIT).
 */
import { parentPort } from 'node:worker_threads';
import { analyseFile, type FileResult, type FileTask } from './analyseFile';
import { FolderSetups, type FolderUserFiles } from './folderSetups';
import { StringTable } from './packed';
import { shareBuiltinImage } from '../data/builtinImage';

/**
 * `gazetteerImage`: the server's image of the built-in gazetteer, in shared memory: the
 * worker's gazetteer reads those very bytes (no copy, no rebuild).
 */
export type WorkerRequest = { type: 'setup'; folders: FolderUserFiles[]; dataVersion: string; gazetteerImage?: Uint8Array } | { type: 'batch'; id: number; files: FileTask[] };

export interface WorkerBatchResult {
  type: 'batch';
  id: number;
  results: FileResult[];
  /**
   * What the worker's string and entity tables gained with this batch (the refs of the
   * results point into the whole table, earlier batches' strings included): the server
   * maps them into its own. `stringBase` and `entityBase` say how many came before, so
   * the server can tell a missed message.
   */
  strings: string[];
  entities: number[];
  stringBase: number;
  entityBase: number;
}

let setups: FolderSetups | undefined;
let version = '';
let table = new StringTable();
/**
 * Past this many strings (mostly figure texts, seldom repeated) the table starts afresh.
 * A batch from a fresh table has bases of 0, which tells the server to start a fresh map
 * too. 0, a fresh table for every batch, on purpose: keeping the table over a run (a
 * limit of 4,096 or 16,384) measured 5-15 MB more server peak RSS on 10,000 digests
 * (295-307 MB against 284-293), at the edge of the 300 MB budget, for a few tens of
 * milliseconds less mapping in the server.
 */
const TABLE_LIMIT = 0;

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'setup') {
    shareBuiltinImage(msg.gazetteerImage);
    setups = new FolderSetups(msg.folders);
    version = msg.dataVersion;
    table = new StringTable();
    // Build the matchers now, while the server is still walking the workspace (the other
    // folders' setups are built when a file of theirs comes).
    const first = setups.setups()[0] ?? setups.union();
    void first.gazetteer;
    void first.taxonomy;
    return;
  }
  const s = setups ?? (setups = new FolderSetups([]));
  if (table.strings.length > TABLE_LIMIT) table = new StringTable();
  const stringBase = table.strings.length;
  const entityBase = table.entities.length / 3;
  const results = msg.files.map((f) => analyseFile(f, s.forUri(f.uri), table, version));
  const out: WorkerBatchResult = {
    type: 'batch',
    id: msg.id,
    results,
    strings: table.strings.slice(stringBase),
    entities: table.entities.slice(entityBase * 3),
    stringBase,
    entityBase,
  };
  parentPort!.postMessage(out, intoArenas(results));
});

/**
 * Moves the batch's arrays into three buffers (ints, floats, line starts) and points the
 * results at views of them: three transfers instead of three per file, and three
 * allocations in the server instead of thousands.
 */
function intoArenas(results: FileResult[]): ArrayBuffer[] {
  const ok = results.filter((r): r is Extract<FileResult, { kind: 'ok' }> => r.kind === 'ok');
  let ni = 0;
  let nf = 0;
  let nl = 0;
  for (const r of ok) {
    ni += r.packed.ints.length;
    nf += r.packed.floats.length;
    nl += r.lineStarts.length;
  }
  const ints = new Int32Array(ni);
  const floats = new Float64Array(nf);
  const lines = new Int32Array(nl);
  ni = nf = nl = 0;
  for (const r of ok) {
    ints.set(r.packed.ints, ni);
    floats.set(r.packed.floats, nf);
    lines.set(r.lineStarts, nl);
    r.packed = { ints: ints.subarray(ni, (ni += r.packed.ints.length)), floats: floats.subarray(nf, (nf += r.packed.floats.length)) };
    r.lineStarts = lines.subarray(nl, (nl += r.lineStarts.length));
  }
  return [ints.buffer, floats.buffer, lines.buffer];
}
