// Hostile entity and theme files, the ones issue 14's probe used against the server and the
// CLI, plus the worst files that stay within the caps of server/src/analysis/userFiles/
// limits.ts (those are loaded, so their cost is the one that counts). Shared by the
// benchmark (scripts/bench/userFiles.mjs) and the tests, so both load the same files.
// Deterministic: no randomness, the same bytes on every run.

const MB = 1_000_000;

/** A Chinese character of the basic block, picked by a fixed sequence (Lehmer). */
function cjkSequence(seed) {
  let s = seed;
  return () => String.fromCharCode(0x4e00 + ((s = (s * 48271) % 2147483647) % 20000));
}

/** 200,000 entities in about `mb` MB (the probe's 50 MB file). */
export function manyEntities(mb = 50) {
  const pad = 'x'.repeat(Math.max(0, Math.round((mb * MB) / 200_000) - 60));
  const rows = [];
  for (let i = 0; i < 200_000; i++) rows.push(`{"id":"e${i}","name":"公司${i}${pad}","aliases":["别名${i}"]}`);
  return `[${rows.join(',\n')}]`;
}

/** One entity whose name is `mb` MB long. */
export function hugeName(mb = 50) {
  return `[{"name":"${'名'.repeat(Math.round((mb * MB) / 3))}"}]`;
}

/** `count` themes, each with the keywords "的" and "1" (the probe: 100,000). */
export function oneCharacterThemes(count = 100_000) {
  const rows = [];
  for (let i = 0; i < count; i++) rows.push(`{"id":"t${i}","label":"T${i}","keywords":["的","1"]}`);
  return `[${rows.join(',\n')}]`;
}

/** One theme holding about `mb` MB of keywords. */
export function hugeKeywordList(mb = 50) {
  const words = [];
  let size = 0;
  for (let i = 0; size < mb * MB; i++) {
    const w = `"关键词${i.toString(36)}"`;
    words.push(w);
    size += w.length + 1;
  }
  return `[{"id":"big","label":"Big","keywords":[${words.join(',')}]}]`;
}

/** `depth` nested "[" (the probe: 5,000). */
export function deepNesting(depth = 5000) {
  return '['.repeat(depth);
}

/**
 * The most entities the caps let through, each with the longest name and as many aliases as
 * fit in the file-size cap: distinct names in many characters, so the gazetteer cannot share
 * their prefixes.
 */
export function entitiesAtTheCaps(maxFileChars, maxEntities) {
  const next = cjkSequence(7);
  const rows = [];
  let size = 2;
  for (let i = 0; i < maxEntities; i++) {
    let name = '';
    while (name.length < 12) name += next();
    const row = `{"id":"c${i}","name":"${name}${i}","aliases":["${name.slice(0, 6)}${i}","Company ${i} Holdings"]}`;
    if (size + row.length + 2 > maxFileChars) break;
    rows.push(row);
    size += row.length + 2;
  }
  return `[${rows.join(',\n')}]`;
}

/**
 * The most themes and keywords the caps let through, every keyword of the longest length in
 * rare characters (many states and alphabet classes in the automaton), one keyword shared by
 * every theme (many outputs at one state).
 */
export function themesAtTheCaps({ maxThemes, maxKeywordsPerTheme, maxKeywordsPerFile, maxKeywordChars }) {
  const next = cjkSequence(11);
  const perTheme = Math.min(maxKeywordsPerTheme, Math.floor(maxKeywordsPerFile / maxThemes));
  const rows = [];
  for (let t = 0; t < maxThemes; t++) {
    const words = ['"共享关键词"'];
    for (let k = 1; k < perTheme; k++) {
      let w = '';
      while (w.length < maxKeywordChars) w += next();
      words.push(`"${w}"`);
    }
    rows.push(`{"id":"theme-${t}","label":"Theme ${t}","keywords":[${words.join(',')}]}`);
  }
  return `[${rows.join(',\n')}]`;
}

/**
 * Themes whose keywords end one another: every theme lists "共享", and every other keyword
 * (of the longest length, as many as the caps let through) holds it every third character,
 * so that thousands of automaton states end in a keyword of every theme.
 */
export function themesEndingOneAnother({ maxThemes, maxKeywordsPerFile, maxKeywordChars }) {
  const next = cjkSequence(5);
  const perTheme = Math.floor(maxKeywordsPerFile / maxThemes);
  const rows = [];
  for (let t = 0; t < maxThemes; t++) {
    const words = ['"共享"'];
    for (let k = 1; k < perTheme; k++) {
      let w = '';
      while (w.length < maxKeywordChars) w += next() + '共享';
      words.push(`"${w.slice(0, maxKeywordChars)}"`);
    }
    rows.push(`{"id":"ends-${t}","label":"Ends ${t}","keywords":[${words.join(',')}]}`);
  }
  return `[${rows.join(',\n')}]`;
}

/**
 * The probe's five hostile files: [label, which file, make] (make() writes the text, so a
 * caller pays only for those it uses). `scale` shrinks the big ones.
 */
export function hostileUserFiles(scale = 1) {
  return [
    ['5,000 nested [', 'entities', () => deepNesting(5000)],
    [`${50 * scale} MB entity file, 200,000 entities`, 'entities', () => manyEntities(50 * scale)],
    [`one ${50 * scale} MB entity name`, 'entities', () => hugeName(50 * scale)],
    ['100,000 themes of keywords 的 and 1', 'themes', () => oneCharacterThemes(100_000)],
    [`${50 * scale} MB of keywords in one theme`, 'themes', () => hugeKeywordList(50 * scale)],
  ];
}
