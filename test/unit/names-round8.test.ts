// Eighth round of company data (scripts/data/README.md, "Eighth round"): listed companies
// outside the ten exchanges of listed.csv, from the FTSE 350, the main European indices, the
// NIFTY 500, the S&P/ASX 200 and the S&P/TSX Composite, by the short English names news uses.
// Names that are ordinary words, surnames or places are left out or need a company-like
// context (tier 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';

const gz = builtinGazetteer();
const ids = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => [m.text, m.id]);
const idsOf = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => m.id);

test('London mid caps by their short names', () => {
  assert.deepEqual(ids('Greggs and Currys climbed in London, while Hiscox slipped after a catastrophe charge.'),
    [['Greggs', 'greggs'], ['Currys', 'currys'], ['Hiscox', 'hiscox']]);
  assert.deepEqual(ids('Games Workshop lifted its dividend; JD Wetherspoon kept its outlook.'),
    [['Games Workshop', 'games-workshop'], ['JD Wetherspoon', 'wetherspoon']]);
  assert.deepEqual(idsOf('Phoenix Group, now trading as Standard Life, reported cash generation.'), ['phoenix-group', 'phoenix-group']);
});

test('European index members, with accent-less spellings', () => {
  assert.deepEqual(ids('Aedifica and Cofinimmo agreed an all-share merger.'), [['Aedifica', 'aedifica'], ['Cofinimmo', 'cofinimmo']]);
  assert.deepEqual(idsOf('Klépierre and Klepierre are the same landlord.'), ['klepierre', 'klepierre']);
  assert.deepEqual(ids('Swedbank, Handelsbanken and Danske Bank fell; Saipem and Snam rose in Milan.'),
    [['Swedbank', 'swedbank'], ['Handelsbanken', 'handelsbanken'], ['Danske Bank', 'danske-bank'], ['Saipem', 'saipem'], ['Snam', 'snam']]);
  assert.deepEqual(ids('Banco Sabadell rejected the offer, and Sabadell said its board was united.'),
    [['Banco Sabadell', 'sabadell'], ['Sabadell', 'sabadell']]);
});

test('Indian, Australian and Canadian listings', () => {
  assert.deepEqual(ids('Electronics makers Kaynes Technology and Syrma SGS rose; Tata Communications slipped.'),
    [['Kaynes Technology', 'nse-kaynes'], ['Syrma SGS', 'nse-syrma'], ['Tata Communications', 'nse-tatacomm']]);
  assert.deepEqual(idsOf('Nazara Technologies bought a stake in a gaming studio.'), ['nse-nazara']);
  assert.deepEqual(ids('Ampol, Aurizon and Lendlease weighed on Sydney stocks.'),
    [['Ampol', 'asx-ald'], ['Aurizon', 'asx-azj'], ['Lendlease', 'asx-llc']]);
  assert.deepEqual(ids('Québecor and Quebecor are one company; Aritzia and Cargojet gained in Toronto.'),
    [['Québecor', 'tsx-qbr-b'], ['Quebecor', 'tsx-qbr-b'], ['Aritzia', 'tsx-atz'], ['Cargojet', 'tsx-cjt']]);
});

test('names that are also words, surnames or places need a company-like context', () => {
  for (const text of [
    'We seek better terms, and investors seek safety.',
    'The saga of the takeover ran for a year.',
    'Opening Pandora\'s box on tariffs would hurt exporters.',
    'Kim Beazley said Australia must prepare.',
    'The Sabadell football club won on Sunday.',
    'Natural killer NKT cells were studied in the trial.',
    'The Reserve Bank of India kept its repo rate unchanged.',
    'He stood on the Downer side of the debate.',
  ]) {
    const found = idsOf(text).filter((id) => ['asx-sek', 'saga', 'pandora', 'beazley', 'sabadell', 'nkt', 'asx-dow'].includes(String(id)));
    assert.deepEqual(found, [], text);
  }
  assert.deepEqual(ids('Pandora raised its sales guidance.'), [['Pandora', 'pandora']]);
});
