/**
 * Which process runs the language server. vscode-languageclient forks the server (IPC
 * transport) but exposes no pid; the end-to-end tests need it to kill the server and watch
 * the client restart it. Pure (no `vscode`): unit-tested in test/unit/client-serverProcess.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The pid of the forked server: the LanguageClient's own child process when the library
 * keeps one (vscode-languageclient 9 holds it in the internal `_serverProcess`), else the
 * newest child of this process whose command line names `serverModule` (Linux /proc only).
 */
export function serverPid(client: unknown, serverModule: string, procRoot = '/proc', parentPid = process.pid): number | undefined {
  const own = (client as { _serverProcess?: { pid?: unknown; exitCode?: unknown; signalCode?: unknown } } | undefined)?._serverProcess;
  // A killed child keeps its pid: only a process that has not exited counts.
  if (own && typeof own.pid === 'number' && own.exitCode === null && own.signalCode === null) return own.pid;
  return childRunning(serverModule, procRoot, parentPid);
}

/** The newest live child of `parentPid` whose command line contains `needle`, from /proc. */
export function childRunning(needle: string, procRoot = '/proc', parentPid = process.pid): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return undefined; // not Linux
  }
  let best: { pid: number; start: number } | undefined;
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = parseStat(readOr(`${procRoot}/${name}/stat`));
    if (!stat || stat.ppid !== parentPid || stat.state === 'Z') continue;
    const cmdline = readOr(`${procRoot}/${name}/cmdline`).split('\0').join(' ');
    if (!cmdline.includes(needle)) continue;
    if (!best || stat.start > best.start) best = { pid: Number(name), start: stat.start };
  }
  return best?.pid;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
}

/**
 * The fields of /proc/<pid>/stat we need. The command name (field 2) is in parentheses
 * and may itself contain spaces or parentheses, so fields are counted after the last ')'.
 */
export function parseStat(stat: string): { state: string; ppid: number; start: number } | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  // After the name: state (3), ppid (4), … starttime (22).
  const ppid = Number(fields[1]);
  const start = Number(fields[19]);
  if (!Number.isInteger(ppid)) return undefined;
  return { state: fields[0], ppid, start: Number.isFinite(start) ? start : 0 };
}
