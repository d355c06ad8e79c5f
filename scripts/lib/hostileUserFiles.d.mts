// Types of hostileUserFiles.mjs for the tests that import it (the type checker reads them).
export function manyEntities(mb?: number): string;
export function hugeName(mb?: number): string;
export function oneCharacterThemes(count?: number): string;
export function hugeKeywordList(mb?: number): string;
export function deepNesting(depth?: number): string;
export function entitiesAtTheCaps(maxFileChars: number, maxEntities: number): string;
export function themesAtTheCaps(caps: { maxThemes: number; maxKeywordsPerTheme: number; maxKeywordsPerFile: number; maxKeywordChars: number }): string;
export function hostileUserFiles(scale?: number): [label: string, which: 'entities' | 'themes', make: () => string][];
export function themesEndingOneAnother(caps: { maxThemes: number; maxKeywordsPerFile: number; maxKeywordChars: number }): string;
