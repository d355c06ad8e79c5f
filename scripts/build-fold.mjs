// Generates server/data/t2s.json: a one-character-to-one-character map from Traditional
// to Simplified Chinese, derived from opencc-js. Keeping it one-to-one is what lets the
// analysis fold script without moving any offset.
import OpenCC from 'opencc-js';
import { writeFileSync } from 'node:fs';

const converters = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
];
let pairs = '';
for (let cp = 0x3400; cp < 0xa000; cp++) {
  const ch = String.fromCharCode(cp);
  for (const convert of converters) {
    const out = convert(ch);
    if (out !== ch) {
      if (out.length === 1) pairs += ch + out;
      break;
    }
  }
}
writeFileSync(new URL('../server/data/t2s.json', import.meta.url), JSON.stringify({ source: 'opencc-js t/hk/tw -> cn, single characters', pairs }) + '\n');
console.log(`t2s: ${pairs.length / 2} pairs`);
