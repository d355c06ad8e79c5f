/**
 * The settings of each resource as the server sees them: pulled from the editor
 * (workspace/configuration) or taken from the initialization options, validated, and
 * cached until the configuration changes. Each settings problem is shown once.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { problemTexts, validateSettings, type DigestSettings, type SettingsProblem } from './settings';
import type { IndexInputs } from './settingsEffects';
import { resolveLocale, translator, type Locale } from './l10n';
import { enabledGlobs } from './workspace/files';
import type { Logger } from './features/context';

/** What the editor said about itself in initialize. */
export interface EditorInfo {
  /** Whether settings can be pulled per resource (else they come in the initialization options). */
  hasConfiguration: boolean;
  initOptions: unknown;
  /** The editor's display language ("en", "zh-cn", "zh-TW"…), or undefined. */
  editorLocale: unknown;
}

export class SettingsSource {
  private readonly cache = new Map<string, Promise<DigestSettings>>();
  private readonly reported = new Set<string>();
  private editor: EditorInfo = { hasConfiguration: false, initOptions: undefined, editorLocale: undefined };
  /** The language of the first folder's settings, for texts sent outside any request on a resource. */
  serverLocale: Locale = 'en';

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => readonly string[],
    private readonly log: Logger,
  ) {}

  /** Takes what initialize said; the server's language follows the editor until settings say otherwise. */
  configure(editor: EditorInfo): void {
    this.editor = editor;
    this.serverLocale = resolveLocale('auto', editor.editorLocale);
  }

  get editorLocale(): unknown {
    return this.editor.editorLocale;
  }

  /** Forgets the cached values (they are pulled again on next use). */
  clear(): void {
    this.cache.clear();
  }

  /** Forgets the cached values and the problems shown (the configuration changed). */
  reset(): void {
    this.cache.clear();
    this.reported.clear();
  }

  /** The validated settings of a resource ('' or undefined: no resource). */
  forResource(uri?: string): Promise<DigestSettings> {
    const key = uri ?? '';
    let cached = this.cache.get(key);
    if (!cached) {
      cached = (async () => {
        let raw: unknown = (this.editor.initOptions as { settings?: unknown } | undefined)?.settings;
        if (this.editor.hasConfiguration) {
          try {
            raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'digestLens' });
          } catch {
            raw = undefined;
          }
        }
        const { settings, problems, keyed } = validateSettings(raw);
        const locale = resolveLocale(settings.language, this.editor.editorLocale);
        if (key === (this.folders()[0] ?? '')) this.serverLocale = locale;
        this.report(problems, keyed, locale);
        return settings;
      })();
      this.cache.set(key, cached);
    }
    return cached;
  }

  /** The language of the texts about a resource: digestLens.language, else the editor's. */
  async locale(uri?: string): Promise<Locale> {
    return resolveLocale((await this.forResource(uri)).language, this.editor.editorLocale);
  }

  /** The editor's files.exclude globs that are switched on for a resource. */
  async filesExclude(uri?: string): Promise<string[]> {
    if (!this.editor.hasConfiguration) return [];
    try {
      return enabledGlobs(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.exclude' }));
    } catch {
      return [];
    }
  }

  /** Everything that decides each folder's index, now. */
  async indexInputs(folders: readonly string[]): Promise<Map<string, IndexInputs>> {
    const out = new Map<string, IndexInputs>();
    for (const folder of folders) out.set(folder, { settings: await this.forResource(folder), filesExclude: await this.filesExclude(folder) });
    return out;
  }

  /** Shows each settings problem once (in the user's language; the log gets English). */
  private report(problems: string[], keyed: SettingsProblem[], locale: Locale): void {
    const fresh = problems.map((p, i) => ({ p, k: keyed[i] })).filter(({ p }) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const { p } of fresh) this.reported.add(p);
    this.log.warn(fresh.map(({ p }) => p).join('\n'));
    const tr = translator(locale);
    const message = tr('server.settingsProblems', problemTexts(fresh.map(({ k }) => k), tr).join(tr.locale === 'en' ? '; ' : '；'));
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}
