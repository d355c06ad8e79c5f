/**
 * Reading a run of unsegmented Chinese when known names overlap or straddle a word.
 *
 * The scanner takes the longest name at each position; that is right almost always, and
 * this module is asked only when it may not be: when another name starts inside the match
 * and ends after it (中微 and 微软 in 其中微软), or when a common word ends inside it (其中 in
 * 其中微软). Then a small dynamic programme over the window reads the whole span: every
 * known name, every common word and every single character is an edge, and the reading
 * with the highest score wins. A name scores more than a word of the same length and
 * long edges score more than short ones (2·len², less a little for listed-only, derived or
 * risky names), so 其中+微软 beats 其+中微+软 and 京东方 beats 京东+方.
 *
 * Windows are a few characters long and only built where a match is in doubt, so the scan
 * stays linear.
 */
import { Gazetteer, bigramHash, caseOk, childAt } from './gazetteer';

/**
 * Common words, mostly function words and frequent nouns of finance prose, that may share
 * a character with a name written next to them. Names still win over a word of the same
 * length, so a word here never hides a name on its own.
 */
const WORD_LIST = `其中 之中 当中 从中 其他 其它 其余 其实 以及 以来 以上 以下 以后 以前 之后 之前 目前 当前 此前 此后 同时 同比 环比 不过 但是 因为 所以
由于 对于 关于 通过 根据 按照 包括 成为 作为 进行 表示 认为 指出 称为 公司 企业 行业 市场 产品 技术 业务 投资 资金 资本 股份 股价 上市 发布 推出 合作 发展
增长 下降 上涨 下跌 收入 利润 营收 净利 亿元 万元 美元 港元 今年 去年 明年 今日 昨日 本周 上周 下周 本月 上月 一些 一个 这个 那个 这些 那些 已经 正在
将会 可能 可以 需要 应该 能够 还是 或者 而且 并且 此外 另外 然而 因此 于是 如果 虽然 尽管 即使 只是 就是 也是 都是 还有 没有 不是 这是 是否 自己 我们
他们 它们 大家 所有 全部 部分 主要 重要 最大 最高 最新 首次 第一 数据 显示 报告 消息 时间 期间 方面 方式 方向 领域 地区 全球 世界 国内 国外 国际 全国
中国 美国 日本 韩国 欧洲 香港 台湾 内地 大陆 海外 本土 当地 本地 上半 下半 年内 年中 月中 日内 其后 随后 之间 中间 其间 集中 高中 空中 手中 心中 市中
个股 板块 概念 龙头 巨头 厂商 客户 用户 股东 高管 员工 团队 平台 模型 芯片 算力 电池 汽车 手机 游戏 服务 系统 软件 硬件 设备 材料 能源 电力 基金 证券
银行 保险 信托 资管 券商 机构 分析 研究 预计 预期 估计 计划 宣布 透露 报道 获得 完成 实现 达到 超过 不到 接近 约为 高达 仅为 分别 合计 共计 累计 总计
创新 科技 智能 数字 网络 信息 未来 新能 能力 动力 实力 力量 小众 中心 核心 重心 中央 东方 西方 南方 北方 一方 对方 双方 各方 多方
注册 实缴 认缴 民间 社会 金融 私人 国有 外国 跨国 承诺 财务 增加 决议 连续 一笔 增资 风险 战略 股权 产业 一季 二季 三季 四季 季度 年度 首季 专项 相关 全面 大量 大规模 新增 追加 扩大 加大 对外 直接 间接
官方 地方 方案 方法 方便 方才 他方 我方 买方 卖方 东京 全年 半年 明确 稳定 持续 继续 保持 加快 推动 带动 拉动 驱动 支持 提供 提升 提高 降低
金额 总额 余额 份额 额度 价格 价值 成本 规模 估值 市值 融资 交易 收购 并购 资产 负债 现金 营业 经营 利率 汇率 比例 比重 数量 项目 订单 股票 债券 期货`;
const WORDS = new Set(WORD_LIST.split(/\s+/).filter(Boolean));
/** One bit per character that begins a word of WORDS. */
const WORD_FIRST = new Uint8Array(65536);
for (const w of WORDS) WORD_FIRST[w.charCodeAt(0)] = 1;
/** Characters that stand second (or third) in a word: a match starting with one may be straddled. */
const WORD_INNER = new Uint8Array(65536);
for (const w of WORDS) for (let k = 1; k < w.length; k++) WORD_INNER[w.charCodeAt(k)] = 1;
/** Two-character words, and the first two characters of three-character ones, as c1 << 16 | c2. */
const WORD2 = new Set<number>();
const WORD3_HEAD = new Set<number>();
for (const w of WORDS) (w.length === 2 ? WORD2 : WORD3_HEAD).add((w.charCodeAt(0) << 16) | w.charCodeAt(1));

/** Whether `w` is one of the common words (a stem that is one is no name). */
export function isCommonWord(w: string): boolean {
  return WORDS.has(w);
}

const isCjk = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);

/** Longest window the programme reads. */
const MAX_WINDOW = 24;

/** A name chosen by the programme: [start, end) and its gazetteer record. */
export interface Pick { start: number; end: number; rec: number }

/** Whether a common word of two or three characters starts at `p` and ends inside (s, e). */
function wordStraddles(folded: string, p: number, s: number, e: number): boolean {
  if (!WORD_FIRST[folded.charCodeAt(p)]) return false;
  const key = (folded.charCodeAt(p) << 16) | folded.charCodeAt(p + 1);
  if (p + 2 > s && p + 2 < e && WORD2.has(key)) return true;
  return p + 3 > s && p + 3 < e && WORD3_HEAD.has(key) && WORDS.has(folded.slice(p, p + 3));
}

/** Whether a name starting at `p` (inside a match) ends after `end`. */
function nameBeyond(g: Gazetteer, folded: string, p: number, end: number, limit: number): boolean {
  if (end >= limit) return false;
  // The pair filter rejects most positions without touching the table.
  const b = bigramHash(lowerAt(folded, p), folded.charCodeAt(p + 1));
  if (((g.bigrams[b >> 3] >> (b & 7)) & 1) === 0) return false;
  const packed = g.packed;
  let at = g.pair(lowerAt(folded, p), lowerAt(folded, p + 1));
  let j = p + 1;
  while (at >= 0) {
    j++;
    if (j > end) {
      for (let r = packed[at] >> 2; r >= 0; r = g.recNext[r]) {
        if (g.recMode[r] === 0 || caseOk(g.recMode[r], g.recName[r], folded, p)) return true;
      }
    }
    if (j >= limit) break;
    at = childAt(packed, at, lowerAt(folded, j));
  }
  return false;
}

const lowerAt = (s: string, k: number) => { const c = s.charCodeAt(k); return c >= 65 && c <= 90 ? c + 32 : c; };

/**
 * Terminal records of every name starting at `p` (CJK text), pushed as end, record pairs.
 * `accept` filters records (the caller's case and evidence rules are not applied here).
 */
function namesAt(g: Gazetteer, folded: string, p: number, limit: number, out: number[]): void {
  const c0 = lowerAt(folded, p);
  if (g.singles[c0]) {
    for (let r = g.termHead[g.root[c0]]; r >= 0; r = g.recNext[r]) {
      if (g.recMode[r] === 0 || caseOk(g.recMode[r], g.recName[r], folded, p)) { out.push(p + 1, r); break; }
    }
  }
  if (p + 1 >= limit) return;
  const packed = g.packed;
  let at = g.pair(c0, lowerAt(folded, p + 1));
  let j = p + 1;
  while (at >= 0) {
    j++;
    for (let r = packed[at] >> 2; r >= 0; r = g.recNext[r]) {
      if (g.recMode[r] === 0 || caseOk(g.recMode[r], g.recName[r], folded, p)) { out.push(j, r); break; }
    }
    if (j >= limit) break;
    at = childAt(packed, at, lowerAt(folded, j));
  }
}

/** Score of a name edge: long names first, curated above listed above derived, risky last. */
function nameScore(g: Gazetteer, rec: number, len: number): number {
  if (g.recEntity[rec] < 0) return 2 * len * len + 1; // a blocker phrase
  return 2 * len * len - g.recTier[rec] - (g.recRisky[rec] ? 2 : 0);
}

/**
 * Whether the longest match [i, end) needs a second look: a common word straddles its left
 * edge (from after `lastEnd`), or another name starts inside it and ends past it.
 */
export function inDoubt(g: Gazetteer, folded: string, i: number, end: number, rec: number, lastEnd: number, limit: number): boolean {
  if (end - i < 2) return false;
  if (i - 1 >= lastEnd && WORD_INNER[folded.charCodeAt(i)] && (WORD_FIRST[folded.charCodeAt(i - 1)] || (i - 2 >= lastEnd && WORD_FIRST[folded.charCodeAt(i - 2)]))) {
    if (wordStraddles(folded, i - 1, i, end) || (i - 2 >= lastEnd && wordStraddles(folded, i - 2, i, end))) return true;
  }
  // Only the inner positions where some name can begin and run on (see Gazetteer.recInner).
  for (let bits = g.recInner[rec]; bits !== 0; bits &= bits - 1) {
    const p = i + 31 - Math.clz32(bits & -bits);
    if (p < end && nameBeyond(g, folded, p, end, limit)) return true;
  }
  return false;
}

/**
 * The best reading of the window around the match at `i`: the names it contains, in order.
 * The window starts at the earliest straddling word (not before `lastEnd`) and grows while
 * names overlap its end.
 */
export function bestReading(g: Gazetteer, folded: string, i: number, end: number, lastEnd: number, limit: number): Pick[] {
  let ws = i;
  for (let p = Math.max(lastEnd, i - 2); p < i; p++) if (isCjk(folded.charCodeAt(p)) && wordStraddles(folded, p, i, end)) { ws = p; break; }
  let we = end;
  // Edges per position: names (end, rec) and words (end, -1).
  const edges: number[][] = [];
  const scratch: number[] = [];
  for (let p = ws; p < we && p - ws < MAX_WINDOW; p++) {
    const list: number[] = [];
    if (isCjk(folded.charCodeAt(p))) {
      if (g.root[folded.charCodeAt(p)] >= 0) {
        scratch.length = 0;
        namesAt(g, folded, p, limit, scratch);
        for (let k = 0; k < scratch.length; k += 2) list.push(scratch[k], scratch[k + 1]);
      }
      if (WORD_FIRST[folded.charCodeAt(p)]) {
        for (let len = 2; len <= 3 && p + len <= limit; len++) if (WORDS.has(folded.slice(p, p + len))) list.push(p + len, -1);
      }
    }
    for (let k = 0; k < list.length; k += 2) if (list[k] > we && list[k] - ws <= MAX_WINDOW) we = list[k];
    edges.push(list);
  }
  const size = we - ws;
  const best = new Float64Array(size + 1).fill(-Infinity);
  const from = new Int32Array(size + 1).fill(-1);
  const via = new Int32Array(size + 1).fill(-2);
  best[0] = 0;
  for (let p = 0; p < size; p++) {
    if (best[p] === -Infinity) continue;
    // A single character.
    if (best[p] > best[p + 1]) { best[p + 1] = best[p]; from[p + 1] = p; via[p + 1] = -2; }
    const list = edges[p] ?? [];
    for (let k = 0; k < list.length; k += 2) {
      const e = list[k] - ws;
      if (e > size) continue;
      const rec = list[k + 1];
      const len = e - p;
      const score = best[p] + (rec >= 0 ? nameScore(g, rec, len) : 2 * len * len - 2);
      if (score > best[e]) { best[e] = score; from[e] = p; via[e] = rec; }
    }
  }
  const picks: Pick[] = [];
  for (let e = size; e > 0; e = from[e]) {
    if (via[e] >= 0) picks.push({ start: ws + from[e], end: ws + e, rec: via[e] });
  }
  return picks.reverse();
}
