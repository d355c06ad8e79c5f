/**
 * What the user types in the Add Entity prompts, read into lists. The entity file's format
 * itself is the server's (server/src/analysis/userFiles/entities.ts): the command asks it
 * for the edit. Pure (no `vscode`): unit-tested in test/unit/client-entityFile.test.ts.
 */

/** Splits what the user typed into a list: commas (also full-width), 、, ; or |. */
export function splitList(input: string): string[] {
  return [...new Set(input.split(/[,，、;；|]/).map((s) => s.trim()).filter(Boolean))];
}
