/**
 * When to restart a crashed server, and the words for the server's state. Pure (no
 * `vscode`): unit-tested in test/unit/client-restart.test.ts.
 */

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** What happened to the server, for the status bar. */
export type ServerHealth = 'starting' | 'running' | 'restarted' | 'stopped' | 'failed';

/**
 * Counts crashes in a sliding window: up to MAX_RESTARTS crashes within RESTART_WINDOW_MS
 * are restarted; one more within the window gives up (vscode-languageclient's own default
 * is 4 in 3 minutes; this is the project's rule).
 */
export class RestartPolicy {
  private readonly times: number[] = [];
  constructor(
    private readonly max = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server should be restarted. */
  crashed(): boolean {
    const t = this.now();
    while (this.times.length && t - this.times[0] > this.windowMs) this.times.shift();
    this.times.push(t);
    return this.times.length <= this.max;
  }
}

/** The status bar text for a server status (null before the first answer) and a health. */
export function statusText(status: { indexing: boolean; baseCurrency: string; rateMonth: string } | null, health: ServerHealth): string {
  if (health === 'failed' || health === 'stopped') return '$(error) Digest Lens';
  if (!status) return '$(sync~spin) Digest Lens';
  const icon = status.indexing ? '$(sync~spin)' : health === 'restarted' ? '$(warning)' : '$(symbol-number)';
  return `${icon} ${status.baseCurrency} · ${status.rateMonth}`;
}
