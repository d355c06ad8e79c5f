/**
 * The entry of dist/opencc.js.br: opencc-js put together from its own parts (the converter
 * and its full set of dictionaries), the way its prebuilt bundle is, so that esbuild.mjs can
 * ship the phrase dictionary packed (phrasePacking.ts) and have it unpacked on load. It
 * exports what `require('opencc-js')` exports; the integration tests hold the two equal,
 * dictionary by dictionary and conversion by conversion.
 */
import { ConverterBuilder, ConverterFactory, CustomConverter, HTMLConverter, Trie } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';

export const Converter = ConverterBuilder(Locale);
export { ConverterFactory, CustomConverter, HTMLConverter, Locale, Trie };
export default { Trie, ConverterFactory, Converter, CustomConverter, HTMLConverter, Locale };
