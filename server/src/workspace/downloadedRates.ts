/**
 * The language server's downloaded rates: the store in the folder the client names
 * (initializationOptions.ratesDir, the extension's GLOBAL storage, never a workspace) is
 * installed at start; `digestLens/updateRates` fetches new rates into it (fx/update/), installs
 * them and refreshes every view that shows a conversion; with digestLens.rates.autoUpdate on,
 * the same update runs at start and then at most once a day, on a timer that never keeps the
 * process alive. With the setting off (the default) and no request, nothing here touches the
 * network.
 */
import { installStore } from '../fx/update/install';
import { readStore } from '../fx/update/store';
import { envOverrides, updateRates, type UpdateOutcome } from '../fx/update/update';

/** At most one background update a day. */
export const AUTO_UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often the background timer looks whether a day has passed (cheap: one stat-sized read). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface DownloadedRatesDeps {
  /** The store's folder, or undefined when the client sent none (then updates are refused). */
  dir(): string | undefined;
  /** After the layer changed: refresh hovers, hints, diagnostics and views. */
  changed(): void;
  log: { info(m: string): void; warn(m: string): void };
}

export class DownloadedRates {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<UpdateOutcome> | undefined;
  private lastAttempt = 0;

  constructor(private readonly deps: DownloadedRatesDeps) {}

  /** Installs the store of the folder, if any (at start). */
  load(): void {
    const dir = this.deps.dir();
    if (!dir) return;
    const { store, problem } = installStore(dir);
    if (problem) this.deps.log.warn(`downloaded rates: ${problem}`);
    if (store) {
      this.deps.log.info(`downloaded rates: installed the store of ${dir} (fetched ${store.fetchedAt})`);
      this.deps.changed();
    }
  }

  /** Fetches, stores and installs; one update at a time (a second call shares the first). */
  update(): Promise<UpdateOutcome> | null {
    const dir = this.deps.dir();
    if (!dir) return null;
    this.running ??= (async () => {
      this.lastAttempt = Date.now();
      try {
        const outcome = await updateRates({ storeDir: dir, ...envOverrides() });
        if (outcome.problem) this.deps.log.warn(`downloaded rates: ${outcome.problem}`);
        for (const s of outcome.sources) this.deps.log.info(`downloaded rates: ${s.source} ${s.ok ? `up to ${s.newest}` : `failed (${s.code}${s.detail ? ` ${s.detail}` : ''})`} from ${s.url}`);
        if (outcome.updated) {
          installStore(dir);
          this.deps.changed();
        }
        return outcome;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Turns the background updates on or off (from digestLens.rates.autoUpdate). */
  setAuto(on: boolean): void {
    if (!on || !this.deps.dir()) {
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer) return;
    this.timer = setInterval(() => void this.autoTick(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.autoTick();
  }

  /** Whether a day has passed since the store's last fetch and since the last attempt. */
  private due(now = Date.now()): boolean {
    if (now - this.lastAttempt < AUTO_UPDATE_INTERVAL_MS) return false;
    const dir = this.deps.dir();
    const fetched = dir ? readStore(dir).store?.fetchedAt : undefined;
    return !fetched || now - Date.parse(fetched) >= AUTO_UPDATE_INTERVAL_MS;
  }

  private async autoTick(): Promise<void> {
    if (!this.timer || !this.due()) return;
    await this.update();
  }

  dispose(): void {
    this.setAuto(false);
  }
}

/**
 * The store's folder from the client's initializationOptions.ratesDir: an absolute path
 * outside every workspace folder (the extension sends its global storage), else none.
 */
export function ratesDirOf(initOptions: unknown, folderPaths: readonly string[], isAbsolute: (p: string) => boolean): string | undefined {
  const dir = (initOptions as { ratesDir?: unknown } | undefined)?.ratesDir;
  if (typeof dir !== 'string' || !dir.trim() || !isAbsolute(dir)) return undefined;
  const norm = (p: string) => (p.endsWith('/') || p.endsWith('\\') ? p : p + '/').replaceAll('\\', '/');
  return folderPaths.some((f) => norm(dir).startsWith(norm(f))) ? undefined : dir;
}
