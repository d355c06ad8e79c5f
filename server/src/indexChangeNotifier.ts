/**
 * Gathers index changes for the digestLens/indexChanged notification: an editing burst or a
 * batch of worker results becomes one message a few times a second, not one per document.
 */

/** How long changes gather before they are sent. */
export const INDEX_CHANGED_DELAY_MS = 150;

export class IndexChangeNotifier {
  private pending: Set<string> | 'all' | null = null;
  private timer: NodeJS.Timeout | undefined;

  /** `send` gets the uris changed since the last message, or 'all'. */
  constructor(private readonly send: (uris: string[] | 'all') => void) {}

  schedule(uris: string[] | 'all'): void {
    if (uris === 'all' || this.pending === 'all') this.pending = 'all';
    else {
      this.pending ??= new Set();
      for (const u of uris) this.pending.add(u);
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const change = this.pending;
      this.pending = null;
      if (change) this.send(change === 'all' ? 'all' : [...change]);
    }, INDEX_CHANGED_DELAY_MS);
  }

  /** Drops what has not been sent. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }
}
