/**
 * Permission tests need a process that permissions apply to. Root reads everything, so when
 * the tests run as root the process under test runs as user nobody; `spawnAs` is then its
 * uid and gid. Null when neither works (Windows, or nobody cannot read `script`).
 */
import { spawnSync } from 'node:child_process';

export const NOBODY = { uid: 65534, gid: 65534 };

/** Spawn options for a process that file permissions hold for, or null (see above). */
export function unprivileged(script: string): { spawnAs?: { uid: number; gid: number } } | null {
  if (typeof process.getuid !== 'function') return null;
  if (process.getuid() !== 0) return {};
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(script)}, require('fs').constants.R_OK)`], { ...NOBODY, stdio: 'ignore' });
  return probe.status === 0 ? { spawnAs: NOBODY } : null;
}
