/**
 * Where the figures panel opens, decided from the editor groups (pure: no `vscode` import;
 * test/unit/client-figures-placement.test.ts runs it).
 *
 * The figures table is wide (figure, amount, converted, subject, metric, period, source,
 * file, date) and the note is read line by line: splitting the window side by side squeezes
 * both into strips. So the panel never creates a group beside the note:
 * - nothing open (or the active group is empty): the panel fills the active group;
 * - another group exists already: the panel opens as a tab there, the note keeps its group;
 * - only the note's group: a new group BELOW it, so both keep the window's full width (the
 *   note keeps its lines, the table its columns); a click on a row reveals the figure in
 *   the note above, the table stays in view.
 */

/** What the placement needs to know of one editor group. */
export interface GroupInfo {
  /** 1-based column, as vscode.ViewColumn. */
  viewColumn: number;
  /** How many tabs it holds. */
  tabs: number;
  isActive: boolean;
}

export type Placement = { kind: 'active' } | { kind: 'column'; viewColumn: number } | { kind: 'below' };

export function figuresPlacement(groups: readonly GroupInfo[]): Placement {
  const active = groups.find((g) => g.isActive);
  if (!active || active.tabs === 0) return { kind: 'active' };
  const others = groups.filter((g) => !g.isActive);
  if (others.length) {
    // The nearest other group: the one after the active one, else the one before.
    const after = others.filter((g) => g.viewColumn > active.viewColumn).sort((a, b) => a.viewColumn - b.viewColumn)[0];
    const before = others.filter((g) => g.viewColumn < active.viewColumn).sort((a, b) => b.viewColumn - a.viewColumn)[0];
    return { kind: 'column', viewColumn: (after ?? before).viewColumn };
  }
  return { kind: 'below' };
}
