/**
 * Finding the language server's process (client/src/serverProcess.ts): the client's own
 * child when it has one and it is alive, else the newest live child of the extension host
 * whose command line names the server module, read from a /proc tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childRunning, parseStat, serverPid } from '../../client/src/serverProcess';

/** A /proc/<pid>/stat line: name, state, ppid, then fields up to starttime (22nd). */
const stat = (pid: number, name: string, state: string, ppid: number, start: number) =>
  `${pid} (${name}) ${state} ${ppid} ${Array.from({ length: 17 }, () => '0').join(' ')} ${start} 0 0\n`;

test('parseStat reads state, ppid and start time, even with spaces and parentheses in the name', () => {
  assert.deepEqual(parseStat(stat(42, 'node (x) y', 'S', 7, 12345)), { state: 'S', ppid: 7, start: 12345 });
  assert.equal(parseStat('garbage'), undefined);
});

test('childRunning picks the newest live child running the server module', () => {
  const root = mkdtempSync(join(tmpdir(), 'digest-lens-proc-'));
  try {
    const proc = (pid: number, ppid: number, state: string, start: number, cmd: string[]) => {
      mkdirSync(join(root, String(pid)));
      writeFileSync(join(root, String(pid), 'stat'), stat(pid, 'node', state, ppid, start));
      writeFileSync(join(root, String(pid), 'cmdline'), cmd.join('\0') + '\0');
    };
    const server = ['/usr/bin/node', '/ext/dist/server.js', '--node-ipc', '--clientProcessId=100'];
    proc(201, 100, 'S', 500, server); // an older server of this host
    proc(202, 100, 'S', 900, server); // the newest: the answer
    proc(203, 100, 'Z', 950, server); // a zombie (killed, not yet reaped)
    proc(204, 999, 'S', 990, server); // another host's server
    proc(205, 100, 'S', 995, ['/usr/bin/node', '/ext/dist/other.js']);
    mkdirSync(join(root, 'self'));
    assert.equal(childRunning('dist/server.js', root, 100), 202);
    assert.equal(childRunning('dist/server.js', root, 555), undefined);
    assert.equal(childRunning('dist/server.js', join(root, 'missing'), 100), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('serverPid prefers the client\'s live child process, and ignores a killed one', async () => {
  assert.equal(serverPid({ _serverProcess: { pid: 77, exitCode: null, signalCode: null } }, 'dist/server.js', '/nonexistent'), 77);
  assert.equal(serverPid({ _serverProcess: { pid: 77, exitCode: null, signalCode: 'SIGKILL' } }, 'dist/server.js', '/nonexistent'), undefined);
  assert.equal(serverPid(undefined, 'dist/server.js', '/nonexistent'), undefined);
  // On Linux, a real child of this process is found through /proc.
  if (process.platform !== 'linux') return;
  const marker = `digest-lens-fake-server-${process.pid}.js`;
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', marker], { stdio: 'ignore' });
  try {
    await new Promise((r) => child.once('spawn', r));
    assert.equal(serverPid({}, marker), child.pid);
  } finally {
    child.kill();
  }
});
