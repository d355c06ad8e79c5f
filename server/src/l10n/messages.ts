/**
 * The server's user-visible texts: every key with its English text. The Chinese catalogues
 * (zh-cn.ts, zh-tw.ts) are typed against these keys, so a missing translation fails the
 * typecheck. Placeholders are {0}, {1}…; a text with English plural forms is { one, other },
 * chosen by its first argument ({0}). Log lines for the output channel stay English and do
 * not come from here.
 */

/** A message: one text, or English plural forms chosen by the first argument. */
export type Message = string | { one: string; other: string };

export const en = {
  // Figure hover
  'hover.money': 'money',
  'hover.interval': 'Interval: {0}; midpoint {1}',
  'hover.approximate': 'Approximate',
  'hover.approximateQualified': 'Approximate ("{0}")',
  'hover.perUnit': 'Per unit: per {0} ({1})',
  'hover.zhao': '⚠ 兆 read as 10¹² (it can also mean 10⁶)',
  'hover.yenSign': '⚠ ¥ read as CNY (it can also mean JPY)',
  'hover.convertedAtDate': "Converted at the digest's date ({0}):",
  'hover.convertedLatest': 'Converted at the latest rates (undated note):',
  'hover.rates': 'Rates: {0}',
  'hover.ratesPerUsd': '{0} per USD: {1}',
  'hover.rateDaily': '{1} of {0}',
  'hover.rateMonthly': 'monthly average, {0} · {1}',
  'hover.rateNearest': 'nearest earlier day with a rate, {0} · {1}',
  'source.ecbDaily': 'ECB reference rate',
  'source.fedDaily': 'Federal Reserve H.10 noon buying rate',
  'source.fedMonthly': 'Federal Reserve H.10/G.5 monthly average (FRED)',
  'source.ecbMonthly': 'ECB reference rates, monthly mean of daily USD cross rates',
  'source.spot': 'fawazahmed0/currency-api spot snapshot (unofficial)',
  'hover.rateDownloaded': 'downloaded {1} of {0}',
  'hover.rateDownloadedEarlier': 'downloaded {1} of {0}, the nearest earlier day',
  'hover.rateUser': 'your rate of {0} · {1}',
  'hover.rateUserEarlier': 'your rate of {0}, the nearest earlier day · {1}',
  'hover.noDate': '⚠ This note has no date: converted at the latest rates ({0}).',
  'hover.rateOlder': {
    one: '⚠ The {1} rate is from {2}, {0} month before the note ({3}).',
    other: '⚠ The {1} rate is from {2}, {0} months before the note ({3}).',
  },
  'hover.rateNewer': '⚠ The {0} rate is from {1}, later than the note ({2}): the table starts there.',

  // Units of per-unit prices
  'unit.t': 'tonne',
  'unit.kg': 'kilogram',
  'unit.g': 'gram',
  'unit.oz': 'ounce',
  'unit.kWh': 'kilowatt-hour',
  'unit.MWh': 'megawatt-hour',
  'unit.W': 'watt',
  'unit.m2': 'square metre',
  'unit.share': 'share',
  'unit.TH/s': 'TH/s of hash rate',

  // Entity hover
  'kind.company': 'company',
  'kind.exchange': 'exchange',
  'kind.media': 'media',
  'kind.fund': 'fund',
  'kind.product': 'product',
  'kind.person': 'person',
  'kind.regulator': 'regulator',
  'kind.index': 'index',
  'kind.candidate': 'candidate (a company-like name in no entity list)',
  'hover.names': 'Names: {0}',
  'hover.namesMore': '{0} and {1} more',
  'hover.tickers': 'Tickers: {0}',
  'hover.tickerWrittenHere': '{0} (written here: {1})',
  'count.mentions': { one: '{0} mention', other: '{0} mentions' },
  'count.files': { one: '{0} file', other: '{0} files' },
  'count.entities': { one: '{0} entity', other: '{0} entities' },
  'count.figures': { one: '{0} figure', other: '{0} figures' },
  'hover.mentionsInFiles': '{0} in {1}',
  'hover.facts': 'Facts:',
  'hover.factCount': { one: '{0} fact about it', other: '{0} facts about it' },
  'hover.noFacts': 'No facts about it yet',
  'hover.openDossier': 'Open dossier',
  'hover.openDossierTitle': 'Every fact about it across the notes',
  'hover.counterpartyOf': 'as counterparty of {0}',
  'hover.unnamedParty': 'an unnamed party',
  'hover.source': 'per {0}',

  // Metrics (display names; the JSON and CLI values stay the English ids)
  'metric.revenue': 'revenue',
  'metric.profit': 'profit',
  'metric.capex': 'capex',
  'metric.investment': 'investment',
  'metric.funding': 'funding',
  'metric.valuation': 'valuation',
  'metric.market-value': 'market value',
  'metric.market-size': 'market size',
  'metric.price': 'price',
  'metric.cost': 'cost',
  'metric.dividend': 'dividend',
  'metric.buyback': 'buyback',
  'metric.deal': 'deal',
  'metric.trading': 'trading',
  'metric.other': 'other',

  // Diagnostics
  'diag.inconsistent': '{0}: {1} here, but {2}',
  'diag.inconsistentIn': '{0} in {1}',
  'diag.inconsistentMore': '{0} and {1} more',
  'diag.inconsistentRelated': '{0}: {1}',
  'diag.amountConverted': 'the amount it converts',
  'diag.zhao': '兆 read as 10^12 (万亿); in mainland usage it can mean 10^6',
  'diag.notAnalysed': 'Digest Lens stops here: this note is {0} MB, over digestLens.maxFileSize ({1} MB), so the text from this line on is not analysed (no figures, companies or themes)',
  'diag.yen': '¥ read as {0} from context (¥ is both CNY and JPY); write 元/人民币 or 日元/JPY to be explicit',
  'diag.conversionMismatch': 'Stated conversion implies {0}; reference {1} ({2}): {3} off',
  'rate.monthAverage': '{0} average, {1}',
  'rate.month': '{0}, {1}',
  'rate.userSetting': 'user setting',
  'rate.definition': 'definition',

  // Code action titles
  'action.insertConversion': 'Insert conversion: ≈ {0}',
  'action.replaceConversion': 'Replace with reference conversion: {0}',
  'action.toTaiwan': 'Convert to Traditional Chinese (Taiwan)',
  'action.toHongKong': 'Convert to Traditional Chinese (Hong Kong)',
  'action.toTraditionalPlain': 'Convert to Traditional Chinese (characters only)',
  'action.toSimplified': 'Convert to Simplified Chinese',
  'action.wholeDocument': '{0} (whole document)',
  'action.addEntity': 'Add {0} to your entity list',

  // "Add entity" refusals
  'addEntity.noName': 'The entity needs a name (one line).',
  'addEntity.badKind': 'Unknown kind "{0}".',
  'addEntity.noFolder': 'Open a folder first: the entity list lives in the workspace.',
  'addEntity.duplicate': '{0} is already in your entity list (as {1}).',
  'addEntity.noList': '{0} has no entity list to add to (expected a JSON array, or an object with an "entities" array); fix the file first.',

  // Rename refusals
  'rename.nothingHere': 'Nothing to rename here: put the cursor on a company from your entity file.',
  'rename.builtIn': 'Only entities from your entity file can be renamed; {0} is built in.',
  'rename.empty': 'The new name is empty.',
  'rename.oneLine': 'The new name must fit on one line.',
  'rename.csvCharacters': 'In a CSV entity file a name cannot contain a comma, a quote or "|"; rename it in the file itself.',

  // Document symbols
  'symbols.companies': 'Companies',
  'symbols.figures': 'Figures',
  'symbols.section': 'Section {0}',

  // Progress, status and messages of the server
  'progress.indexing': 'indexing digests…',
  'progress.digests': '{0}/{1} digests',
  'server.featureFailed': 'Digest Lens: {0} failed',
  'server.settingsProblems': 'Digest Lens: {0}',

  // Settings problems (shown once in a message)
  'settings.notObject': 'digestLens settings must be an object; using the defaults',
  'settings.fallback': 'digestLens.{0} {1}; using the default ({2})',
  'settings.unknownCurrency': 'is not a known currency code ({0})',
  'settings.currencyList': 'must be a list of currency codes',
  'settings.unknownCurrencies': 'digestLens.displayCurrencies: unknown currency codes {0} are ignored',
  'settings.rateOverrideIgnored': 'digestLens.rateOverrides.{0} is ignored: it needs a known currency code and a positive number of units per USD',
  'settings.rateOverridesObject': 'must be an object such as {"CNY": 7.1}',
  'settings.invalidGlobs': 'digestLens.{0}: invalid globs {1} are ignored',
  'settings.globList': 'must be a list of glob strings',
  'settings.positiveBytes': 'must be a positive number of bytes',
  'settings.boolean': 'must be true or false',
  'settings.tolerance': 'must be a number such as 0.05 (5%)',
  'settings.relativePath': 'must be a workspace-relative path',
  'settings.numberStyle': 'must be "auto", "zh" or "en"',
  'settings.language': 'must be "auto", "en", "zh-cn" or "zh-tw"',

  // The user's rates file (fx/userRates/parse.ts), shown at its line
  'ratesFile.tooLarge': 'Rates file too large ({0} characters, at most {1}): none of its rates are used',
  'ratesFile.tooManyRows': 'More than {0} rates in this file: this line and the rest are ignored',
  'ratesFile.moreProblems': { one: '{0} more problem in this file is not shown', other: '{0} more problems in this file are not shown' },
  'ratesFile.fields': 'Expected 3 fields separated by {1}: date, currency, units per USD (e.g. 2026-12-03,CNY,7.1182); found {0}',
  'ratesFile.emptyDate': 'The date is missing: write the day of the rate as YYYY-MM-DD (e.g. 2026-12-03)',
  'ratesFile.date': 'Date "{0}" is not a day written YYYY-MM-DD (e.g. 2026-12-03)',
  'ratesFile.noSuchDay': 'Date "{0}" is not a day of the calendar',
  'ratesFile.month': 'Date "{0}" is a month: a rate needs its day, YYYY-MM-DD (it is used from that day for up to a week)',
  'ratesFile.emptyCurrency': 'The currency is missing: write a 3-letter code such as CNY',
  'ratesFile.currency': 'Currency "{0}" is not a 3-letter code such as CNY',
  'ratesFile.usd': 'USD is 1 per USD by definition: this line is ignored',
  'ratesFile.unknownCurrency': '{0} is not a currency Digest Lens reads in notes: this line is ignored',
  'ratesFile.emptyValue': 'The rate is missing: write the units of the currency per 1 USD, e.g. 7.1182',
  'ratesFile.value': 'Rate "{0}" is not a number of units per USD written with digits and a decimal point (e.g. 7.1182)',
  'ratesFile.comma': 'Rate "{0}" has a comma: write a decimal point and no thousands separator (7.1182, 16250.5)',
  'ratesFile.notPositive': 'Rate "{0}" is not more than 0: a rate is the units of the currency per 1 USD',
  'ratesFile.duplicate': 'Another rate of {0} for {1}, on line {2}, replaces this one (the last line wins)',
  'ratesFile.inverted': 'Rate {1} of {0} looks inverted (USD per {0}?): the reference rate of that day is {2} {0} per USD, and this file takes {0} per 1 USD ({3}?). The line is used as written',
  // Downloaded rates (fx/update/): the outcome of an update
  'rates.source.ecb': 'ECB',
  'rates.source.fed': 'Federal Reserve H.10',
  'rates.sourceNewest': '{0} up to {1}',
  'rates.sourceFailed': '{0} failed: {1}',
  'rates.updated': 'Exchange rates updated ({0}).',
  'rates.failedAll': 'Exchange rates not updated: {0}. The rates you had are kept.',
  'rates.noStorage': 'Digest Lens has no storage folder for downloaded rates in this editor; nothing was fetched.',
  'rates.notSaved': 'Exchange rates were downloaded but could not be saved ({0}); the rates you had are kept.',
  'rates.why.tooLarge': 'the file is too large ({0} bytes)',
  'rates.why.html': 'the server sent a web page, not the rates file',
  'rates.why.notXml': 'not an XML file',
  'rates.why.truncated': 'the file is cut short',
  'rates.why.noCube': 'no dated rates (Cube elements) in the file',
  'rates.why.noUsd': 'no US dollar rate in the file',
  'rates.why.noRows': 'no rates in the file',
  'rates.why.notCsv': 'not the H.10 CSV (no Unit and Currency rows)',
  'rates.why.noSeries': 'no exchange-rate series in the file',
  'rates.why.status': 'the server answered HTTP {0}',
  'rates.why.timeout': 'no answer within {0} s',
  'rates.why.network': 'network error ({0})',
  'rates.why.redirect': 'redirected to an address that is not https ({0})',
  'rates.why.badUrl': 'not an https address ({0})',
} satisfies Record<string, Message>;

/** Every message key. */
export type MessageKey = keyof typeof en;

/** A Chinese catalogue: one text per key (Chinese has no plural forms). */
export type Catalogue = Record<MessageKey, string>;
