/**
 * English words that are capitalised at the start of a sentence or in a title but name no
 * company: the candidate rules never take them as (the first word of) a company name.
 */
const WORDS = `The This That These Those A An Its It Our Their His Her He She They We You I Your My And But Or Nor Of In On For With By As At To From Into Onto
Over Under After Before Since Until While When Where Why How What Which Who Whom Whose If Then Than Also Still Yet Even Only Just So Such Both Either Neither Each Every
All Any Some Many Much More Most Few Several Other Another Same New Old Last Next First Second Third One Two Three Four Five Six Seven Eight Nine Ten Hundred
Thousand Million Billion Trillion Half Quarter Year Years Month Months Week Weeks Day Days Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December Q1 Q2 Q3 Q4 H1 H2 FY
Shares Share Stocks Stock Prices Price Sales Sale Revenue Revenues Profit Profits Earnings Income Loss Losses Margin Margins Costs Cost Oil Gold Silver Copper Crude Brent
Bitcoin Ether Markets Market Investors Investor Analysts Analyst Traders Trader Economists Economist Bonds Bond Yields Yield Futures Index Indexes Indices Benchmark
Demand Supply Inflation Growth Output Exports Imports Trade Tariffs Tariff Rates Rate Volume Volumes Deals Deal Funding Capital Cash Debt Assets Equity Valuation
Government Governments State States Federal Central National Global International World Public Private Industry Industries Sector Sectors Company Companies Firm Firms
Group Groups Bank Banks Lenders Insurers Miners Retailers Automakers Carmakers Chipmakers Startups Startup Tech Technology Energy Power Data Cloud Software Hardware
Chinese China American America European Europe Asian Asia Japanese Japan Korean Korea Indian India British Britain UK US USA EU Hong Kong Taiwan Singapore Canada
Canadian Australia Australian Germany German France French Italy Italian Spain Russia Russian Middle East West North South Eastern Western Northern Southern
Irish Swiss Dutch Swedish Danish Norwegian Finnish Belgian Austrian Polish Spanish Portuguese Greek Czech Hungarian Romanian Ukrainian Turkish Israeli Saudi Emirati
Qatari Egyptian Nigerian Kenyan Mexican Brazilian Argentine Chilean Vietnamese Thai Malaysian Indonesian Filipino Pakistani Bangladeshi Scottish Welsh English Taiwanese
Beijing Shanghai Shenzhen London Tokyo Seoul Paris Berlin Washington Wall Street Silicon Valley New York City County Province District Region Island
President Chairman Chairwoman Chief Executive Officer Director Minister Secretary Governor Mayor Senator Prime Premier Vice Deputy Head Founder Analysts
Mr Mrs Ms Dr Sir Lord Lady Prof Professor According However Meanwhile Moreover Furthermore Although Despite Because Unless Whether Overall Separately Earlier Later
Still Now Recently Currently Previously Finally Notably Instead Indeed Similarly Additionally Elsewhere Here There Yes No Not None Nothing Everything Something
Note Notes Source Sources Read More See Update Updated Breaking Exclusive Photo Video Reporting Editing Writing By Staff
Foreign Direct Strategic Total Gross Net Overseas Domestic Investment Investments
Class Series Tranche Department Division Committee Ministry Bureau Commission Council
Fintech Fintechs Marketplace Bottler Insurer Lender Carmaker Chipmaker Miner Retailer Brokerage`;
const SET = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Hashes of the common words (h = h * 31 + code, as the scanner computes it while reading a word). */
export const COMMON_ENGLISH_HASH = new Set<number>();
for (const w of SET) {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  COMMON_ENGLISH_HASH.add(h);
}

/** One bit per low 16 bits of the hashes above: most words that are not common miss here. */
const HASH_BITS = new Int32Array(2048);
for (const h of COMMON_ENGLISH_HASH) HASH_BITS[(h >>> 5) & 2047] |= 1 << (h & 31);
/** COMMON_ENGLISH_HASH.has(h), with a bit table read before the set. */
export function isCommonEnglishHash(h: number): boolean {
  return ((HASH_BITS[(h >>> 5) & 2047] >>> h) & 1) === 1 && COMMON_ENGLISH_HASH.has(h);
}

/** Whether a capitalised word is a common English word, never a company name alone. */
export function isCommonEnglish(word: string): boolean {
  return SET.has(word);
}

/** Acronyms that are not companies (titles, measures, places, bodies). */
const NOT_COMPANY_ACRONYMS = new Set(['CEO', 'CFO', 'CTO', 'COO', 'CIO', 'IPO', 'GDP', 'CPI', 'PMI', 'PPI', 'ETF', 'ETFs', 'AI', 'AGI', 'EV', 'EVs', 'US', 'USA', 'UK', 'EU',
  'UAE', 'UN', 'IMF', 'WTO', 'WHO', 'SEC', 'FDA', 'FTC', 'DOJ', 'ECB', 'BOJ', 'PBOC', 'RBI', 'OPEC', 'NATO', 'G7', 'G20', 'CNY', 'USD', 'HKD', 'EUR', 'GBP', 'JPY', 'YoY',
  'QoQ', 'EPS', 'ROE', 'EBIT', 'EBITDA', 'AUM', 'NAV', 'M&A', 'R&D', 'API', 'GPU', 'GPUs', 'CPU', 'CPUs', 'HBM', 'DRAM', 'NAND', 'LLM', 'LLMs', 'SaaS', 'B2B', 'B2C',
  'ESG', 'SPAC', 'CAGR', 'PE', 'VC', 'VCs', 'LP', 'GP', 'TV', 'PC', 'PCs', 'IT', 'OK', 'AM', 'PM', 'GMT', 'UTC', 'ET', 'PT', 'HK', 'SAR', 'PRC', 'ASEAN', 'APAC', 'EMEA',
  // Parts and techniques of the industries the digests follow.
  'PCB', 'PCBs', 'ASIC', 'ASICs', 'SSD', 'SSDs', 'OLED', 'LED', 'LEDs', 'IC', 'ICs', 'EDA', 'CPO', 'MLCC', 'SoC', 'SOC', 'FPGA', 'NPU', 'TPU', 'DPU', 'EUV', 'CMOS', 'MEMS',
  'SiC', 'GaN', 'IGBT', 'MCU', 'ADAS', 'BEV', 'PHEV', 'ESS', 'BESS', 'PV', 'HJT', 'TOPCon', 'LFP', 'NCM', 'OEM', 'ODM', 'EMS', 'SKU', 'KOL', 'APP', 'App']);

/** Whether an all-capitals word is a known non-company acronym. */
export function isNonCompanyAcronym(word: string): boolean {
  return NOT_COMPANY_ACRONYMS.has(word);
}

/** One bit per low 16 bits of the acronyms' hashes (as COMMON_ENGLISH_HASH computes them). */
const ACRONYM_HASH_BITS = new Int32Array(2048);
for (const w of NOT_COMPANY_ACRONYMS) {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  ACRONYM_HASH_BITS[(h >>> 5) & 2047] |= 1 << (h & 31);
}
/**
 * Whether a word of hash `h` may be a non-company acronym: false means it surely is not, so
 * a scanner that hashed the word while reading it slices it only when this says true.
 */
export function mayBeNonCompanyAcronym(h: number): boolean {
  return ((ACRONYM_HASH_BITS[(h >>> 5) & 2047] >>> h) & 1) === 1;
}
