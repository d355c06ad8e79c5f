// Seventh round of company data (scripts/data/README.md, "Seventh round"): the stocks of
// Taiwan's over-the-counter market (TPEX), by their short names, with the listed-row rules:
// a two-character name counts with its code, a legal or trade ending, in a list or with its
// business after it; ordinary words are not among the names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';

const gz = builtinGazetteer();
const ids = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => [m.text, m.id]);

test('Taiwan OTC stocks by their short names, in both scripts, with their codes', () => {
  assert.deepEqual(ids('亞昕上半年稅後純益11.92億元。'), [['亞昕', 'tpex-5213']]);
  assert.deepEqual(ids('凡甲（3526）股價創高'), [['凡甲', 'tpex-3526']]);
  assert.deepEqual(ids('汉来美食公布营收'), [['汉来美食', 'tpex-1268']]);
});

test('OTC names that are ordinary words are left out; two-character names need evidence', () => {
  for (const text of ['我很安心。', '旷视科技联合创始人印奇', '总部位于香港的数字营销科技公司', '强茂表示，凡甲的发展策略一致。']) {
    assert.deepEqual(ids(text).filter(([, id]) => String(id).startsWith('tpex-')), [], text);
  }
});
