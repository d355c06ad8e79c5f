// REGULAR EXPRESSION AUDIT: every regex in server/src and syntaxes/digest.tmLanguage.json,
// one line each: where, the regex, and the verdict. The test below reads this block, checks
// that it names exactly the regexes in the sources (a new regex needs a line here; a removed
// one loses its line), and runs each regex on crafted 100 KB worst-case inputs.
//
// Vocabulary: "anchored" = ^ at the start, so one start position; "one class" = a single
// character class under one quantifier, which backtracks at most once per character;
// "bounded" = every quantifier has a small maximum; "disjoint" = adjacent quantified parts
// accept no character in common, so a string splits between them one way only.
//
// 204 in server/src (200 literals, 4 built at run time; a literal repeated in one file is listed
// once) + 12 in the grammar = 216 audited. 3 rewritten: two to a safe form, one to a scanner
// (its line is marked "(removed)"). The grammar's patterns run with the m flag, as Oniguruma's
// ^ and $ are line anchors.
//
//   analysis/currencies.ts /^[\x20-\x7e]+$/ — safe: anchored, one class
//   workspace/fileUri.ts /^[\w.~/-]*$/ — safe: anchored, one class
//   data/packing.ts /^([A-Z0-9]+):(\d+)(?=\||$)/ — safe: anchored; the exchange's class and the ':' are disjoint, the digits one class
//   data/packing.ts /^\+(\d*)/ — safe: anchored, one class
//   analysis/currencies.ts /^[A-Z]+$/ — safe: anchored, one class
//   analysis/date.ts /(?:\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4}))(?!\d)/ — safe: bounded (every quantifier at most 9), and it runs on date-line candidates of at most 160 characters
//   analysis/date.ts /^[ \t]*(?:digest date|note date|date of (?:the )?(?:digest|note)|摘要日期|笔记日期|筆記日期)[ \t]*[:：]([^\n]*)$/im — safe: anchored at line starts; [ \t]* and the fixed words are disjoint, the value is one class to the line end (and only the first 4 KB are searched)
//   analysis/date.ts /^date[ \t]*:([^\n]*)$/im — safe: anchored at line starts, fixed word, one class to the line end
//   analysis/money.ts /^\d+$/ — safe: anchored, one class
//   analysis/money.ts /^\d/ — safe: anchored, one character
//   analysis/entities.ts /^[A-Z][A-Z0-9]{2,}$|^[A-Z][a-z]+[A-Z][A-Za-z]+$/ — safe: anchored; [a-z]+ and [A-Z] are disjoint, so each alternative backtracks linearly
//   analysis/entities.ts /^[\d.%\s-]+$/ — safe: anchored, one class
//   analysis/entities.ts /\[|\]/ — safe: single characters
//   analysis/entities.ts /^[A-Z]{2,5}$/ — safe: anchored, bounded
//   analysis/entities.ts /[a-z]/ — safe: one class, no quantifier
//   analysis/entities.ts /^\d+$/ — safe: anchored, one class
//   analysis/entities.ts /^[A-Z0-9&]+$/ — safe: anchored, one class
//   analysis/lists.ts /^[A-Za-z0-9][A-Za-z0-9&.'’-]*$/ — safe: anchored; one class repeated after a single character
//   analysis/lists.ts /[A-Za-z]/ — safe: one class, no quantifier
//   analysis/entities.ts /^[A-Z.]+$/ — safe: anchored, one class
//   analysis/entities.ts /^[A-Za-z\u3400-\u9fff][A-Za-z0-9\u3400-\u9fff .&*-]*$/ — safe: anchored, one class after one character
//   analysis/entities.ts /etf|基金/i — safe: fixed words
//   analysis/entities.ts /[\s-]+/ — safe: one class (split succeeds on the first character)
//   analysis/gazetteer.ts /^\*?ST/ — safe: anchored, fixed length
//   analysis/gazetteer.ts /^[A-Z0-9&.-]{4,}$/ — safe: anchored, one class
//   analysis/gazetteer.ts /[a-z][A-Z]|\d/ — safe: fixed length
//   analysis/gazetteer.ts /^(?:NASDAQ|NYSE|AMEX|OTC):([A-Z][A-Z.]{0,5})$/ — safe: anchored, bounded
//   analysis/gazetteer.ts /^[A-Z]{3,5}$/ — safe: anchored, bounded
//   analysis/gazetteer.ts /^[A-Z0-9.]{1,5}$/ — safe: anchored, bounded
//   analysis/gazetteer.ts /^(NASDAQ|NYSE|AMEX|OTC)$/ — safe: anchored, fixed words
//   analysis/contexts.ts /-[a-z]/ — safe: fixed length
//   analysis/contexts.ts /^[A-Z][a-z]/ — safe: anchored, fixed length
//   analysis/contexts.ts /^[A-Z]{2,5}$/ — safe: anchored, bounded
//   analysis/contexts.ts /^[A-Z][a-z]+[A-Z]/ — safe: anchored; [a-z]+ and [A-Z] are disjoint
//   analysis/english.ts /\s+/ — safe: one class (split)
//   analysis/givenNames.ts /\s+/ — safe: one class (split)
//   analysis/entities.ts /^\d{4,6}(\.[A-Z]{2})?$/ — safe: anchored, bounded
//   analysis/entities.ts /^(19|20)\d\d$/ — safe: anchored, fixed length
//   analysis/entities.ts /^\d/ — safe: anchored, one character
//   analysis/entities.ts /^[A-Z]{1,2}$|^[a-z]/ — safe: anchored, bounded
//   analysis/entities.ts /^[A-Z]+$/ — safe: anchored, one class
//   analysis/entities.ts /^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/ — safe: anchored; [a-z]+ and [A-Z] are disjoint, one optional repetition
//   analysis/gazetteer.ts /^([\u3400-\u9fff]{2,})[AB]$/ — safe: anchored; the ideograph class and [AB] are disjoint
//   analysis/gazetteer.ts /^[\u3400-\u9fff]+$/ — safe: anchored, one class
//   analysis/gazetteer.ts /,$/ — safe: one character
//   analysis/gazetteer.ts /^[A-Z][a-z]+[A-Z][A-Za-z]*$/ — safe: anchored; the classes after each other are disjoint at their borders (a capital ends the lower run), run once per name at load
//   analysis/gazetteer.ts /^[A-Z][a-z]{3,}$|^[A-Z][a-z]*[A-Z][A-Za-z]*$/ — safe: anchored; [a-z]* and [A-Z] are disjoint, so each alternative backtracks linearly
//   analysis/gazetteer.ts /^[A-Z][a-z]{3,}$/ — safe: anchored, one class after one character
//   analysis/people.ts /^[\u3400-\u9fff]/ — safe: anchored, one character
//   analysis/people.ts /\.$/ — safe: one character
//   analysis/people.ts /[ -]/ — safe: one character
//   analysis/segment.ts /\s+/ — safe: one class (split)
//   analysis/tickers.ts /^([A-Z]{1,5})-US$/ — safe: anchored, bounded
//   analysis/tickers.ts /^\d{4}$/ — safe: anchored, fixed length
//   analysis/tickers.ts /^(51|15|56|58|16|50|52)/ — safe: anchored, fixed words
//   analysis/tickers.ts /^[A-Z]{1,5}(\.[A-Z])?$/ — safe: anchored, bounded
//   analysis/tickers.ts /^\d{6}$/ — safe: anchored, fixed length
//   analysis/tickers.ts /^\d{5}$/ — safe: anchored, fixed length
//   analysis/tickers.ts /^\(|\)$/g — safe: single characters
//   analysis/tickers.ts /^\$/ — safe: anchored, one character
//   analysis/userFiles/csv.ts /\r$/ — safe: one character
//   analysis/userFiles/csv.ts /[",\r\n]/ — safe: one character
//   analysis/userFiles/csv.ts /"/g — safe: one character
//   analysis/userFiles/templates.ts /\.csv$/i — safe: fixed word
//   analysis/userFiles/entities.ts /[^a-z0-9\u3400-\u9fff]+/g — safe: one class, every run is a match (replace)
//   analysis/userFiles/entities.ts /^-|-$/g — rewritten: was /^-+|-+$/g, whose unanchored -+$ is quadratic on a long run of dashes ("a---…-x": 13 s at 100 KB); runs are collapsed to one dash just before, so one dash is all there is to trim
//   analysis/userFiles/entities.ts /[\u3400-\u9fff\uf900-\ufaff]/ — safe: one character
//   analysis/userFiles/entities.ts /[^a-z0-9]+/g — safe: one class, every run is a match (replace)
//   analysis/userFiles/entities.ts /\s+/g — safe: one class, every run is a match (replace)
//   analysis/userFiles/entities.ts /^[ \t]*/ — safe: anchored, one class, always matches
//   analysis/userFiles/entities.ts /\n$/ — safe: one character
//   analysis/userFiles/entities.ts /^[ \t]*$/ — safe: anchored, one class
//   analysis/userFiles/entities.ts /^\s*,/ — safe: anchored, one class then one character
//   analysis/userFiles/themes.ts /^[a-z0-9]+(?:-[a-z0-9]+)*$/ — safe: anchored; each repetition starts with "-", which [a-z0-9]+ cannot eat (disjoint)
//   analysis/userFiles/limits.ts /\p{L}/u — safe: one character, no quantifier (a keyword of at most 32 characters)
//   features/addEntity.ts /[\u3400-\u9fff\uf900-\ufaff]/ — safe: one character
//   features/addEntity.ts /[\r\n]/ — safe: one character
//   cli/csv.ts /[",\r\n]/ — safe: one character
//   cli/csv.ts /"/g — safe: one character
//   cli.ts /(^|\/)\./ — safe: fixed length
//   features/codeActions.ts /[\u3400-\u9fff\uf900-\ufaff]/ — safe: one character
//   features/codeActions.ts /\d\s+\D/ — safe: \D accepts a space, so \s+ gives back at most one character before it matches or fails
//   features/codeActions.ts /^(-?[\d,.]+)(?=[^\d,.\s])/ — safe: anchored, one class then a one-character look-ahead
//   features/scriptConversion.ts /[\u3400-\u9fff\uf900-\ufaff]/ — safe: one character
//   features/scriptConversion.ts /[。！？；\n]/g — safe: one character (exec from lastIndex, each sentence end once)
//   features/conversionCheck.ts /^Federal Reserve H\.10/i — safe: anchored, fixed words
//   features/conversionCheck.ts /^ECB reference rates?,? daily/i — safe: anchored, fixed words
//   features/conversionCheck.ts /daily/i — safe: fixed word
//   features/conversionCheck.ts /^ECB/i — safe: anchored, fixed word
//   features/conversionCheck.ts /spot/i — safe: fixed word
//   features/conversionCheck.ts /daily|spot/i — safe: fixed words
//   features/moneyText.ts /\r\n|[\r\n]/g — safe: fixed length
//   features/moneyText.ts /[\\`*_[\]<>|~&#!{}()+-]/g — safe: one character
//   features/moneyText.ts /\.00$/ — safe: fixed length
//   features/moneyText.ts /[kMBT]$/ — safe: one character
//   features/rename.ts /[\r\n]/ — safe: one character
//   features/rename.ts /\.csv$/i — safe: fixed word
//   features/rename.ts /[",|]/ — safe: one character
//   features/sidebar.ts /[\udc00-\udfff]/ — safe: one character
//   features/sidebar.ts /[\ud800-\udbff]/ — safe: one character
//   features/sidebar.ts /\s+/g — safe: one class, every run is a match (replace)
//   features/workspaceSymbols.ts /^[A-Z]+:/ — safe: anchored, one class
//   features/workspaceSymbols.ts /^[A-Z]+:0*/ — safe: anchored; [A-Z]+ and ":" are disjoint
//   features/workspaceSymbols.ts /^\d+$/ — safe: anchored, one class
//   features/workspaceSymbols.ts /^0+/ — safe: anchored, one class
//   features/workspaceSymbols.ts /\s+/g — safe: one class, no nested quantifier
//   features/hover.ts /[()'!*~]/g — safe: one class
//   fx/format.ts /[1-9]/ — safe: one character
//   index/workerPool.ts /^(\d+)(\+?)$/ — safe: anchored, one class then an optional literal
//   settings.ts /^[A-Za-z]{3}$/ — safe: anchored, fixed length
//   l10n/index.ts /\{(\d+)\}/g — safe: \d+ is enclosed by the fixed braces, disjoint from it
//   l10n/locale.ts /_/g — safe: one character
//   (removed) features/moneyText.ts /\.?0+$/ — rewritten as a scanner (trimDecimalZeros): quadratic on a run of zeros (11 s at 100 KB), and it also turned "16000" IDR per USD into "16"
//   analysis/facts/conversions.ts new RegExp@PAREN_GAP — safe: anchored; an optional bounded trade term ([A-Z]{2,4}) owns its spaces; "(" separates the two \s*; the currency note is a bounded lazy class ({0,8}) ending in the fixed 下同; the hedge words are fixed, "or(?:\s+about…)?\s*$" backtracks linearly (and gaps are capped at 24 characters before it runs); moved here from features/conversionCheck.ts
//   analysis/facts/conversions.ts new RegExp@SLASH_GAP — safe: as PAREN_GAP with "/"
//   analysis/facts/conversions.ts new RegExp@WORD_GAP — safe: anchored; ^\s*(?:[,，]\s*)?HEDGE, the comma group owns the spaces after it, so no two \s* share a run (the rewritten form, moved here from features/conversionCheck.ts); the optional word after the hedge (将近, 派息, a bounded {1,2} currency name) owns the spaces after it
//   analysis/facts/index.ts /^\s*(?:公司|该公司|其|集团|该集团|the\s+company|the\s+group|it\b|its\b)/i — safe: anchored; fixed words after one \s run
//   analysis/facts/index.ts /公司|该股|the\s+company|its\b/i — safe: fixed words, one \s run between two fixed words
//   analysis/facts/subjects.ts /^r/i — safe: anchored, one character
//   analysis/facts/periods.ts /20\d\d|FY|fiscal|[QH][1-4]|[1-4][QH]/gi — safe: fixed two- to six-character alternatives, no quantifier
//   analysis/facts/index.ts /^\s*(?:[,，]\s*)?(?:or|或|即|合)\s*$/i — safe: anchored at both ends; the comma group owns the spaces after it, so no two \s* share a run
//   analysis/facts/sources.ts /^\s*(?:\([^()]{1,12}\)\s*)?(?:(?:也|则|亦|再)\s*)?(?:由|从|将)[^。;]{0,16}(?:上调|下调|调升|调降|调高|调低|上修|下修|升至|降至|提高|提升|削减)/ — safe: anchored; each optional group owns the spaces after it, bounded bracket and gap classes ({1,12}, {0,16}) between fixed words
//   analysis/facts/metrics.ts /^\s*(?:U\.S\.\s+)?(?:a|per|each|for\s+each|\/)\s*(?:[A-Za-z]+\s+)?(?:share|股)\b|^\s*\/\s*股/i — safe: anchored; fixed words with single \s runs between them and one optional letter run before a space (disjoint)
//   analysis/facts/metrics.ts /^\s*(?:(?:的|in|of|worth of|for)\s*)?(?:[a-z][a-z-]*\s+){0,2}$/i — safe: anchored; at most two bounded repetitions, each a letter run then spaces (disjoint classes)
//   analysis/facts/metrics.ts /^\s*(?:at|with)\s/i — safe: anchored; fixed words then one space
//   analysis/facts/metrics.ts /^\s+of\s+(?:(?:about|around|over|nearly|roughly|some|approximately|almost|up\s+to|more\s+than|at\s+least)\s+)?$/i — safe: anchored at both ends; fixed words between \s+ runs they separate; the optional group owns the spaces after it
//   analysis/facts/metrics.ts /^\s*(?:in|of|for|worth)\b/i — safe: anchored, fixed words
//   analysis/facts/metrics.ts /[\u3400-\u9fff]/ — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/metrics.ts / +/g — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/metrics.ts /建设|建厂|设厂|扩厂|数据中心|工厂|产能|基地|扩产|产线|项目|厂房|infrastructure|data cent|plant|factory|fab\b|campus/i — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/metrics.ts /收市报|收报|现报|报|升至|涨至|跌至|降至|升到|涨到|跌到|上调至|下调至|调升至|调高至|调降至|调低至|一度|高见|低见|收涨|收跌|盘中|\b(?:climbed|rose|fell|jumped|added|slipped|gained|dropped|lost|declined|surged|soared|tumbled|plunged|edged|closed|close|trading|traded|was\s+(?:down|up)|hit|touching|touched|at\s+(?:about\s+)?(?:HK|US|C|A|S)?\$)\b/i — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/periods.ts new RegExp@PERIOD — safe: alternatives each start with a fixed digit run (20\d\d, FY, Q/H and a digit, a month or ordinal word); every \s is bounded by fixed words on both sides, so each start position scans a bounded span
//   analysis/facts/periods.ts /^\s*(?:(?:in|by|for|during|of|as\s+of|through|at\s+the\s+end\s+of|,)\s*)?(?:the\s+)?$/i — safe: anchored at both ends; fixed words and optional groups that each own the spaces after them, so no two \s* share a run
//   analysis/facts/sameFact.ts /(\d[\d,]*)(?:\.(\d+))?/ — safe: one digit class then an optional bracketed decimal part: disjoint at the "." border, linear
//   analysis/facts/sameFact.ts /[０-９]/ — safe: one class, no quantifier
//   analysis/facts/sameFact.ts /[０-９]/g — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/sameFact.ts /,/g — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/sentences.ts /[A-Za-z.]/ — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/sentences.ts /^\s(?:and|while|whereas|but)\s$/i — safe: anchored at both ends; fixed words and optional groups that each own the spaces after them, so no two \s* share a run
//   analysis/facts/sources.ts /证券|證券|研究|咨询|諮詢|智库|智庫|资讯|資訊|数据|數據|财经|財經|新闻|新聞|日报|日報|时报|時報|晚报|晚報|周刊|週刊|电视|電視|通讯社|通訊社|媒体|媒體|\b(?:securities|research|analytics|insights|intelligence|consult(?:ing|ants|ancy)?|capital markets|partners|advisors|news|times|journal|post|daily|wire|media|tv)\b/i — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/sources.ts /(?:据|根据|依据|依照|依|援引|引述|引用|according\s+to(?:\s+(?:the|a|data\s+from|estimates\s+from|research\s+from|analysts\s+at))?|citing(?:\s+the)?|data\s+from|estimates\s+from|analysts\s+at|compiled\s+by|polled\s+by|surveyed\s+by|forecast\s+by|estimated\s+by|expected\s+by|per)\s*$/i — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/sources.ts /^\s*(?:[》」”"]\s*)?(?:(?:\d{1,2}月\d{1,2}日|最新|发布的?|发表的?|在|独家)\s*){0,3}(?:(?:研究|最新|[\u4e00-\u9fff]{0,6}榜)\s*)?(?:的\s*)?(?:报道|报导|援引|引述|消息|披露|透露|获悉|报告|研报|晨会纪要|纪要|点评|数据显示|显示|数据|统计|调查|调研|(?:(?:mean|average|consensus)\s+estimates?|reported|reports|report|reporting|wrote|data|estimates?|research|analysts?|calculations?|surveys?|calculation|consensus)(?![a-z]))/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group (the {0,3} group ends with its own \s*)
//   analysis/facts/sources.ts /^\s*(?:APP\s*)?(?:\d{1,2}月\d{1,2}日\s*)?(?:讯|消息|获悉|报道|报导|电|专讯|[)）]\s*(?:[-—–:：]|--)|[:：])/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group
//   analysis/facts/sources.ts /^\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:(?:[\u4e00-\u9fff]{0,4}(?:研报|报告|周报|日报|月报|晨报|点评)|研究|一致)\s*)?(?:(?:的|(?:分析师|研究员)[\u4e00-\u9fff·]{0,4}|首席\S{0,6})\s*)?(?:预计|预期|预测|预估|预料|预判|研判|估计|估算|测算|料|认为|指出|提到|提及|表示|称|给予|维持|上调|下调|调升|调降|首次覆盖|目标价|评级|分析|点评|盘点|列出|said|says|expects?|expected|forecasts?|forecasted|projects?|projected|predicts?|predicted|estimated|sees|believes|raised|cut|lowered|lifted|set|kept|maintained|reiterated|rates|rated|upgraded|downgraded|initiated|has\s+a|gave)(?![a-z])/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded classes ({0,4}, {0,6})
//   analysis/facts/sources.ts /^\s*(?:该机构|该行|该券商|该报告|该研报|其预计|预计公司|报告预计|该报道|报道(?:还|并|又|亦)?(?:称|指出|说|显示)|报告(?:还|并)?(?:称|指出|显示)|其报告|the\s+(?:report|newspaper|outlet|agency|paper|wire|bank|broker|firm|analysts?)\s+(?:said|added|also|noted|estimated|wrote)|it\s+(?:added|also\s+said)|according\s+to\s+the\s+(?:report|newspaper))/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded [^。;]{0,12} where present
//   analysis/facts/sources.ts /^\s*(?:'s|’s)\s+(?:analysts?|data|estimates?|report|research|forecasts?)/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded [^。;]{0,12} where present
//   analysis/facts/sources.ts /\btold\s+(?:the\s+)?$/i — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/conversions.ts /^\s*(?:[,，]\s*)?(?:换算|換算|折合|折算)[^\d,，。;；()（）]{0,12}$/ — safe: anchored at both ends; the comma group owns its spaces, then fixed words and one bounded class
//   analysis/facts/index.ts /该行|该机构|该券商|该所|the\s+(?:bank|brokerage|broker)(?![a-z])/i — safe: fixed words, one \s run between two fixed words
//   analysis/facts/index.ts /该报告|该研报|该报道|the\s+report(?![a-z])/i — safe: fixed words, one \s run between two fixed words
//   analysis/facts/index.ts /^\s*[(（]/ — safe: anchored, one class then one character
//   analysis/facts/index.ts /^\s*[^\s,:;]{1,12}\s*[,:]\s*$/ — safe: anchored at both ends; the space runs and the bounded non-space class are disjoint, and the text tested is a clause gap of a few characters
//   analysis/facts/index.ts /则由|由[^。;]{0,12}?(?:降至|升至|上调至|下调至|调升至|调降至|调高至|调低至|削至|提高至)/ — safe: fixed words around one bounded lazy class ({0,12})
//   analysis/facts/index.ts /股价|收报|收市|收盘|盘中|开盘|现价|报价/ — safe: fixed words
//   analysis/facts/index.ts /^\s*(?:(?:而|但|同时|此外|另外)\s*)?(?:公司|该公司|本公司|集团|该集团|本集团|the\s+company|the\s+group)/i — safe: anchored; the optional group owns its spaces, then fixed words
//   analysis/facts/index.ts /^\s*[(（]\s*(?:[A-Z]{2,8}\s*[:：]\s*)?[0-9A-Z]{1,6}(?:\.[A-Z]{1,2})?(?:-[A-Z]{2})?\s*[)）]/ — safe: anchored; bounded classes separated by fixed characters, on 14 characters after a name
//   analysis/facts/index.ts /金价|油价|铜价|银价|锂价|盎司|每桶|每吨|ounce|barrel|tonne|\bgold\b|\boil\b|copper/i — safe: fixed words
//   analysis/facts/index.ts /目标价|评级|盈利预测|每股盈测|该|由|target|rating|report|bank|broker/i — safe: fixed words
//   analysis/facts/index.ts /estimates?\b|expectations|consensus|had\s+expected|analysts\s+(?:had\s+)?(?:polled|expected|estimated|forecast)|市场预期|分析师预期|一致预期|预期的|市场预估|一致预测/i — safe: fixed words, \s+ only between fixed words
//   analysis/facts/index.ts /总额|合计|总计|累计|共发生|共有|共披露|(?<!\d)\d{1,6}\s*(?:起|笔|宗|家|只)|startups|companies|IPOs|listings|in\s+total|combined|across\s+\d+|altogether/i — safe: fixed words; the count starts only at the first digit of a run (lookbehind) and is bounded ({1,6}), then \s* and fixed characters, all disjoint
//   analysis/facts/index.ts /^\s*(?:the\s+(?:bank|lender)\b|该银行|该行(?:的|股价|宣派|公布))/i — safe: anchored; fixed words, one \s run between two fixed words
//   analysis/facts/index.ts /\bbank\b|银行|銀行/i — safe: fixed words
//   analysis/facts/index.ts /证券|證券|投信|投顾|投顧|资本|資本|银行|銀行|研究|\b(?:securities|capital|bank|research)\b/i — safe: fixed words
//   analysis/facts/index.ts /^\s*(?:其中|of\s+which)/i — safe: anchored; fixed words, one \s run between two fixed words
//   analysis/facts/index.ts /暗盘|grey\s+market/i — safe: fixed words, one \s run between two fixed words
//   analysis/facts/index.ts /^\s*(?:的\s*)?(?:目标价|评级|股价|[(（])/ — safe: anchored; the optional group owns its spaces, then fixed words or one character
//   analysis/facts/index.ts /^;\s*$/ — safe: anchored at both ends, one character then one class
//   analysis/facts/sources.ts /^\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:的\s*)?(?:报道|报导|(?:最新)?数据显示|统计显示|统计数据|调查显示|一致预期|data\s+(?:show|showed|shows)|(?:mean|average|consensus)\s+(?:estimates?|forecasts?))/i — safe: anchored; each optional group owns the spaces after it, then fixed words
//   analysis/facts/sources.ts /^\s*(?:的|为|為)\s*[\d$¥€£]/ — safe: anchored; one \s run, fixed words, one \s run, one class
//   analysis/facts/sources.ts /^\s*(?:(?:也|则|亦|皆|均|同)\s*)?(?:维持|为|為|给予|给出|定为)\s*[\d$]/ — safe: anchored; the optional group owns its spaces, fixed words, one \s run, one class
//   analysis/facts/sources.ts /^\s*[(（][^()（）]{0,12}\d/ — safe: anchored; one \s run, one character, a bounded class ({0,12}), one digit
//   analysis/facts/sources.ts /里昂|瑞信|瑞银|瑞穗|大和|野村|麦格理|花旗|高盛|摩根|大摩|小摩|美银|汇丰|星展|法巴|法兴|德银|巴克莱|杰富瑞|富瑞|伯恩斯坦|联博|晨星|中金|建银国际|中银国际|交银国际|招银国际|海通国际|\b(?:credit\s+suisse|bnp\s+paribas|soci[eé]t[eé]\s+g[eé]n[eé]rale|nomura|daiwa|mizuho|jefferies|macquarie|bernstein|citi(?:group)?|barclays|goldman|morgan\s+stanley|j\.?p\.?\s*morgan|ubs|clsa|evercore|morningstar)\b/i — safe: fixed words, single \s runs between fixed words; run on a name
//   analysis/facts/sources.ts /[,，。;；:：]|总裁|CEO|主席|董事长|首席执行官|总经理|财务总监|CFO|chief\s+executive|chairman/i — safe: one class or fixed words, one \s run between two fixed words
//   analysis/facts/sources.ts /^\s*(?:reported|reports|reporting)\s+(?:[\w-]+\s+){0,3}(?:profits?|revenues?|earnings|sales|loss(?:es)?|income|results?|dividends?)\b/i — safe: anchored; word runs and \s+ are disjoint, bounded ({0,3}); on 60 characters
//   analysis/facts/sources.ts /(?:将|把|对|给予)\s*$/ — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/sources.ts /(?:compiled|polled|surveyed|forecast|estimated|expected)\s+by\s*$/i — safe: fixed words, a \s run between two of them, then at most one \s run to the end
//   analysis/facts/sources.ts /目标价|评级|盈利预测|每股盈测|合理价值|target\s+price|price\s+target|fair\s+value|\brating/i — safe: fixed words, one \s run between two fixed words
//   analysis/facts/sources.ts /^(?!\s*[(（][^()（）]{0,12}\d)(?!\s*(?:的\s*)?(?:目标价|评级))[^。;；，,:：获被]{0,16}?(?:目标价|评级|盈利预测|每股盈测|合理价值|target\s+price|price\s+target|fair\s+value|rating\s+on)/i — safe: anchored; a bounded lookahead and a bounded lazy class ({0,16}) before fixed words, on 24 characters after a name
//   analysis/facts/sources.ts /^\s*(?:(?:也|亦|则|再|同时)\s*)?(?:将|把|对|予|给予|维持|首次|上调|下调|调升|调降|调高|提高|提升|降低|削减|更新|重申|raised|cut|lowered|lifted|set|reiterated|maintained)[^。;；，,:：]{0,16}?(?:目标价|评级|盈利预测|每股盈测|合理价值|预测|target\s+price|price\s+target|fair\s+value|\brating|forecast)/i — safe: anchored; the optional group owns its spaces, fixed verbs, a bounded lazy class ({0,12}) before fixed words
//   analysis/facts/sources.ts /^[\u4e00-\u9fff]{2,3}(?:\d{1,2}月\d{1,2}日)?(?:讯|消息|电|专讯)\s*[,:。\s]/ — safe: anchored, bounded ({2,3}, {1,2}), fixed words
//   analysis/facts/sources.ts /^[\s【\[(<《]*$/ — safe: anchored at both ends, one class
//   analysis/facts/subjects.ts /^\s*(?:[,、]\s*)?(?:(?:and|和|及|与|以及|&)\s*)?$/i — safe: anchored at both ends; each optional group owns the spaces after it, and the comma and the words are disjoint from spaces
//   analysis/facts/subjects.ts /^\s*(?:\([^()]{1,16}\)|(?:co|corp|inc|ltd|plc)\.?)/i — safe: anchored; a bracketed bounded class or fixed words, on 20 characters
//   analysis/facts/subjects.ts /[,:]/ — safe: one class, no quantifier
//   analysis/facts/subjects.ts /^\s*(?:等(?![级待同])|这类|这些|之类|此类|合计|合共|[\d一二三四五六七八九十两几多数]{1,2}\s*家|(?:,\s*)?and\s+other\b|among\s+others|together\b|combined\b|between\s+them\b)/i — safe: anchored; fixed words, a bounded class ({1,2}), the optional comma group owns its spaces; on 16 characters
//   analysis/facts/subjects.ts /^\s*(?:(?:[\d年月日]{2,10}|此外|另外|同时|其中|而|但)\s*(?:[,，]\s*)?)?(?:(?:其中|另有|另)\s*)?(?:基石投资者|投资者|投资人|散户|股东们?(?!应占|权益|应佔)|外资|北向资金|南向资金|机构投资者|公募基金|政府方面|市政府|政府|分析师|业界|法人|retail\s+investors|investors|shareholders|analysts|the\s+government|cornerstone\s+investors)/i — safe: anchored; a bounded class ({2,10}) or fixed words, each optional group owns the spaces after it (the comma group its own), then fixed words
//   analysis/facts/subjects.ts /^\s*(?:a|per|each|for\s+each)\s+$/i — safe: anchored at both ends; fixed words between two \s runs they separate; on at most 16 characters
//   analysis/facts/subjects.ts /^(?:'s)?\s+(?:ordinary\s+|common\s+)?shares?\b/i — safe: anchored; each optional word owns the spaces after it, then a fixed word
//   analysis/facts/subjects.ts /^(?:的|'s|’s)\s*$/ — safe: anchored at both ends; fixed words then one \s run
//   analysis/facts/subjects.ts /^[\s:;-]*$/ — safe: anchored at both ends, one class
//   analysis/facts/subjects.ts /^\s*(?:(?:in\s+)?(?:for|to|into)\s+(?:[A-Za-z-]+\s+){0,3}|给|投向)$/i — safe: anchored at both ends; word runs and \s+ are disjoint, bounded ({0,3}); the gap tested lies inside a clause
//   analysis/facts/subjects.ts /^\s*(?:(?:而|但|且|and|but|while)\s*)?(?:他|她|his\b|her\b|he\b|she\b)/i — safe: anchored; the optional group owns its spaces, then fixed words
//   analysis/facts/subjects.ts /市场|大市|港股|A股|两市|沪深|全市|南向|北向|market\b|exchange-wide/i — safe: fixed words
//   analysis/facts/subjects.ts /收购|并购|买下|购买|买入|购入|投资|注资|入股|增资|认购|出资|领投|参投|跟投|竞得|拍得|下单|采购|\b(?:acquir(?:e|es|ed|ing)|buy|buys|bought|buying|purchas(?:e|es|ed|ing)|invest(?:s|ed|ing)?(?:\s+in)?|take\s+over|took\s+over|backed|back|order(?:ed)?)\b/gi — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/subjects.ts /(?:被|遭|获|获得|接受|引入)\s*$/ — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/subjects.ts /^\s*(?:by)\b/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded [^。;]{0,12} where present
//   analysis/facts/subjects.ts /出售|转让|卖出|卖给|售予|\b(?:sell|sells|sold|selling|divest(?:s|ed)?)\b/gi — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/subjects.ts /^(?:给|予|与|to)\s*/i — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded [^。;]{0,12} where present
//   analysis/facts/subjects.ts /(?:由|led\s+by|co-led\s+by|from|backed\s+by|with\s+participation\s+from|participation\s+from|investors?\s+(?:including|such\s+as))\s*$/i — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/subjects.ts /^\s*(?:领投|牵头|联合领投|独家投资|参投|跟投)/ — safe: anchored; fixed words, each \s* between fixed words or owned by an optional group, bounded [^。;]{0,12} where present
//   analysis/facts/subjects.ts /^\s*(?:旗下|的子公司|子公司|控股的|持股的|参股的|投资的|的|(?:的)?(?:创始人|联合创始人|董事长|主席|首席执行官|行政总裁|总裁|总经理|CEO)|['’]s(?:\s+(?:unit|subsidiary|arm|division|founder|co-founder|chief\s+executive|CEO|chairman))?|unit|subsidiary)\s*$/i — safe: anchored at both ends; fixed words and optional groups that each own the spaces after them, so no two \s* share a run
//   analysis/facts/subjects.ts /^\s*(?:\([^()]{1,24}\)\s*)?(?:(?:的|之|'s|’s|')\s*)?(?:[a-z-]+\s+)?$/i — safe: a bounded bracket group first; anchored at both ends; fixed words and optional groups that each own the spaces after them, so no two \s* share a run
//   analysis/facts/subjects.ts /(?:\b(?:for|of|in|into|on|to|from|with|at|by|than|over|like)\s+(?:the\s+)?|向|对|给|于|从|比)$/i — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/subjects.ts /分别|respectively/i — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   analysis/facts/subjects.ts /^\s*$/ — safe: anchored at both ends; fixed words and optional groups that each own the spaces after them, so no two \s* share a run
//   analysis/facts/subjects.ts /ed$/ — safe: one class or fixed characters, no nested quantifier
//   analysis/facts/subjects.ts /(?:向|对|给)\s*$/ — safe: fixed words then at most one \s run to the end: a match can start only at a fixed word, and each start scans the following run once
//   analysis/facts/subjects.ts /卖给|售予/ — safe: an alternation of fixed words (with \s+ only between fixed words), no nested quantifier
//   syntaxes/digest.tmLanguage.json navigation.match — safe: anchored, \s* then "←", disjoint; .*$ cannot fail
//   syntaxes/digest.tmLanguage.json date-line.match — safe: anchored, fixed-width date; the optional weekday needs "(" after its \s*, so \s* runs are tried once each
//   syntaxes/digest.tmLanguage.json source-line.match — safe: anchored, bounded {0,39} name
//   syntaxes/digest.tmLanguage.json heading.match — safe: anchored, bounded; .*$ cannot fail
//   syntaxes/digest.tmLanguage.json image.patterns.0.match — safe: anchored, bounded {1,120}
//   syntaxes/digest.tmLanguage.json image.patterns.1.match — safe: bounded {0,300} and {0,1000} after a fixed "!["
//   syntaxes/digest.tmLanguage.json bullet.begin — safe: anchored; \s* and [-•*] are disjoint
//   syntaxes/digest.tmLanguage.json bullet.end — safe: empty match
//   syntaxes/digest.tmLanguage.json citation.match — safe: each repetition is bracketed, so (?:\[\d{1,3}\])+ cannot split a run two ways
//   syntaxes/digest.tmLanguage.json ticker.patterns.0.match — safe: fixed words and bounded parts between look-arounds
//   syntaxes/digest.tmLanguage.json ticker.patterns.1.match — safe: bounded {4,6} digits and fixed suffixes
//   syntaxes/digest.tmLanguage.json bold.match — safe: fixed "**" delimiters around a bounded class without "*"
//
// Run with `node --import tsx --test test/unit/regex-audit.test.ts`.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

const REPO = join(__dirname, '..', '..');
const SRC = join(REPO, 'server', 'src');
const GRAMMAR = join(REPO, 'syntaxes', 'digest.tmLanguage.json');

/** Limit per regex and input: a behaviour check against catastrophic backtracking, not a speed budget. */
const LIMIT_MS = 1000;
/** Size of the worst-case inputs. */
const INPUT_SIZE = 100_000;
/** The worker is stopped when it reports nothing for this long (a regex that never ends). */
const WATCHDOG_MS = 5000;

interface FoundRegex {
  /** "features/moneyText.ts /[kMBT]$/" or "syntaxes/digest.tmLanguage.json bold.match". */
  key: string;
  source: string;
  flags: string;
}

// ---------------------------------------------------------------------------------------
// The audit list (the comment block above) and the regexes in the sources

interface AuditLine {
  key: string;
  verdict: 'safe' | 'rewritten';
  reason: string;
}

function auditLines(): AuditLine[] {
  const lines: AuditLine[] = [];
  for (const line of readFileSync(__filename, 'utf8').split('\n')) {
    if (!line.startsWith('//   ') || line.startsWith('//   (removed)')) continue;
    const m = /^\/\/ {3}(\S+) (.+?) — (safe|rewritten)(?::|\b)(.*)$/.exec(line);
    assert.ok(m, `audit line without "— safe: …" or "— rewritten: …": ${line}`);
    lines.push({ key: `${m[1]} ${m[2]}`, verdict: m[3] as AuditLine['verdict'], reason: m[4].trim() });
  }
  return lines;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tsFiles(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/**
 * Every regex literal and RegExp constructor in server/src. Constructed ones are built by
 * evaluating the constructor call with the file's top-level string constants in scope (the
 * only way they are built here); a call that cannot be evaluated fails the test.
 */
function sourceRegexes(): FoundRegex[] {
  const found = new Map<string, FoundRegex>();
  for (const file of tsFiles(SRC)) {
    const rel = relative(SRC, file).split(sep).join('/');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    let constants: Record<string, unknown> | null = null;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const re = new Function(`return ${text};`)() as RegExp;
        found.set(`${rel} ${text}`, { key: `${rel} ${text}`, source: re.source, flags: re.flags });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sf) === 'RegExp') {
        const name = ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sf) : '?';
        constants ??= stringConstants(sf);
        const key = `${rel} new RegExp@${name}`;
        let re: RegExp;
        try {
          re = new Function(...Object.keys(constants), `return ${node.getText(sf)};`)(...Object.values(constants)) as RegExp;
        } catch (e) {
          throw new Error(`${key}: cannot build it for the audit (${(e as Error).message}); build it from top-level string constants`);
        }
        found.set(key, { key, source: re.source, flags: re.flags });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...found.values()];
}

/** The file's top-level `const X = <string expression>` values, evaluated in order. */
function stringConstants(sf: ts.SourceFile): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      try {
        const v = new Function(...Object.keys(values), `return ${d.initializer.getText(sf)};`)(...Object.values(values));
        if (typeof v === 'string') values[d.name.text] = v;
      } catch {
        // Not a plain string expression: not something a RegExp here is built from.
      }
    }
  }
  return values;
}

/** Every match/begin/end pattern of the TextMate grammar (Oniguruma, here run as JavaScript with the m flag). */
function grammarRegexes(): FoundRegex[] {
  const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { repository: Record<string, unknown> };
  const out: FoundRegex[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') {
          const key = `syntaxes/digest.tmLanguage.json ${[...path, k].join('.')}`;
          // Oniguruma's ^ and $ are line anchors (vscode-textmate feeds one line and its "\n"):
          // the JavaScript equivalent is the m flag.
          out.push({ key, source: v, flags: 'm' });
        } else walk(v, [...path, k]);
      }
    }
  };
  walk(grammar.repository, []);
  return out;
}

// ---------------------------------------------------------------------------------------
// The worst-case battery, in a worker so that a regex that never ends can be stopped

/**
 * Runs in the worker. For each regex: representative characters of everything it accepts
 * (its literal characters, escapes and class ends, both cases under /i, plus a few common
 * ones) and pairs of neighbouring ones. A screening pass times short (4 KB) runs of each unit
 * after each prefix, ended by a character that fails; then the slowest screened inputs and
 * every plain single-character run are timed at full size (100 KB). Progress messages feed
 * the watchdog.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { regexes, size, screenSize } = workerData;
const COMMON = [' ', 'a', 'A', '0', '-', '.', ',', '中', 'x', '\t'];
const TERMINATORS = ['\u0000', '\n', '\u0001'];

function probes(source, flags) {
  const seq = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      if (e === 'd') seq.push('0', '9');
      else if (e === 's') seq.push(' ', '\u3000');
      else if (e === 'w') seq.push('a', '_');
      else if (e === 'D' || e === 'S' || e === 'W') seq.push('!');
      else if (e === 'x') { seq.push(String.fromCharCode(parseInt(source.substr(i + 1, 2), 16))); i += 2; }
      else if (e === 'u') { seq.push(String.fromCharCode(parseInt(source.substr(i + 1, 4), 16))); i += 4; }
      else if (e === 'r') seq.push('\r');
      else if (e === 'n') seq.push('\n');
      else if (e === 't') seq.push('\t');
      else if (e !== 'b' && e !== 'B') seq.push(e);
    } else if (c === '.') seq.push('x');
    else if (!'^$|()[]{}?*+'.includes(c)) seq.push(c);
  }
  if (flags.includes('i')) for (const c of [...seq]) seq.push(c.toUpperCase(), c.toLowerCase());
  const singles = [...new Set([...seq, ...COMMON])].slice(0, 80);
  const pairs = [];
  for (let k = 1; k < seq.length && pairs.length < 60; k++) if (seq[k - 1] !== seq[k]) pairs.push(seq[k - 1] + seq[k]);
  return { singles, units: [...new Set([...singles, ...pairs])] };
}

function build(prefix, unit, n, terminator) {
  return prefix + unit.repeat(Math.ceil(n / unit.length)) + terminator;
}

function time(re, input) {
  re.lastIndex = 0;
  const t0 = performance.now();
  re.test(input);
  if (re.global) { re.lastIndex = 0; input.replace(re, ''); }
  return performance.now() - t0;
}

for (const r of regexes) {
  parentPort.postMessage({ type: 'start', key: r.key, input: 'screening' });
  const re = new RegExp(r.source, r.flags);
  const { singles, units } = probes(r.source, r.flags);
  const prefixes = ['', '\u0001', ...singles];
  const screened = [];
  for (const prefix of prefixes) {
    for (const unit of units) {
      for (const terminator of TERMINATORS) {
        const ms = time(re, build(prefix, unit, screenSize, terminator));
        screened.push({ prefix, unit, terminator, ms });
      }
    }
    parentPort.postMessage({ type: 'alive' });
  }
  screened.sort((x, y) => y.ms - x.ms);
  const full = screened.slice(0, 3);
  for (const unit of singles) full.push({ prefix: '', unit, terminator: '\u0000' });
  let worst = { ms: 0, input: '' };
  for (const c of full) {
    const input = JSON.stringify(c.prefix) + ' + ' + JSON.stringify(c.unit) + ' × ' + size + ' + ' + JSON.stringify(c.terminator);
    parentPort.postMessage({ type: 'start', key: r.key, input });
    const ms = time(re, build(c.prefix, c.unit, size, c.terminator));
    if (ms >= worst.ms) worst = { ms, input };
  }
  parentPort.postMessage({ type: 'done', key: r.key, ms: worst.ms, input: worst.input, inputs: screened.length + full.length });
}
parentPort.postMessage({ type: 'end' });
`;

interface BatteryResult {
  /** Worst time and input per regex key. */
  worst: Map<string, { ms: number; input: string; inputs: number }>;
  /** Set when the watchdog stopped the worker: the regex and input it was stuck on. */
  stuck: { key: string; input: string } | null;
}

/** Runs the battery on `regexes` in a worker; resolves when done or when the watchdog fires. */
function runBattery(regexes: FoundRegex[], opts: { size: number; screenSize: number; watchdogMs: number }): Promise<BatteryResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { regexes, size: opts.size, screenSize: opts.screenSize } });
    const worst: BatteryResult['worst'] = new Map();
    let current = { key: '', input: '' };
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate().then(() => resolve({ worst, stuck: current }));
      }, opts.watchdogMs);
    };
    arm();
    worker.on('message', (m: { type: string; key: string; input: string; ms: number; inputs: number }) => {
      arm();
      if (m.type === 'start') current = { key: m.key, input: m.input };
      else if (m.type === 'done') worst.set(m.key, { ms: m.ms, input: m.input, inputs: m.inputs });
      else if (m.type === 'end') {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve({ worst, stuck: null }));
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

// ---------------------------------------------------------------------------------------

describe('regular expression audit', () => {
  const audit = auditLines();
  const found = [...sourceRegexes(), ...grammarRegexes()];

  test('the audit block names exactly the regexes in server/src and the grammar', () => {
    const listed = new Set(audit.map((a) => a.key));
    const present = new Set(found.map((f) => f.key));
    const missing = [...present].filter((k) => !listed.has(k));
    const stale = [...listed].filter((k) => !present.has(k));
    assert.deepEqual(missing, [], `regexes without an audit line (add "//   <key> — safe: <why>" at the top of this file):\n${missing.join('\n')}`);
    assert.deepEqual(stale, [], `audit lines for regexes that are gone (remove them):\n${stale.join('\n')}`);
    assert.equal(audit.length, listed.size, 'each regex is listed once');
    for (const a of audit) assert.ok(a.reason.length >= 8, `${a.key}: the verdict needs a reason`);
    assert.ok(found.length >= 90, `found ${found.length} regexes: is the scan still finding them?`);
  });

  test(`every regex finishes within ${LIMIT_MS} ms on crafted ${INPUT_SIZE / 1000} KB worst-case inputs`, async (t) => {
    const started = performance.now();
    const { worst, stuck } = await runBattery(found, { size: INPUT_SIZE, screenSize: 4096, watchdogMs: WATCHDOG_MS });
    assert.equal(stuck, null, `stopped after ${WATCHDOG_MS} ms without progress: ${stuck?.key} on ${stuck?.input}`);
    const slow = [...worst].filter(([, w]) => w.ms > LIMIT_MS).map(([k, w]) => `${k}: ${w.ms.toFixed(0)} ms on ${w.input}`);
    assert.deepEqual(slow, [], 'regexes over the limit');
    assert.equal(worst.size, found.length, 'every regex was run');
    const ranking = [...worst].sort((x, y) => y[1].ms - x[1].ms).slice(0, 5);
    const inputs = [...worst.values()].reduce((n, w) => n + w.inputs, 0);
    t.diagnostic(`${found.length} regexes, ${inputs} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s; slowest at 100 KB: ${ranking.map(([k, w]) => `${k} ${w.ms.toFixed(1)} ms`).join('; ')}`);
  });

  test('the battery itself catches catastrophic backtracking (controls)', async () => {
    // Exponential: (a+)+ on a run of "a" and a failing character never ends; the watchdog stops it.
    const exponential = await runBattery([{ key: 'control (a+)+', source: '^(a+)+$', flags: '' }], { size: INPUT_SIZE, screenSize: 4096, watchdogMs: 1000 });
    assert.equal(exponential.stuck?.key, 'control (a+)+');
    // Quadratic: two adjacent \s* (the old WORD_GAP) on a long run of spaces.
    const quadratic = await runBattery([{ key: 'control \\s*,?\\s*', source: String.raw`^\s*[,，]?\s*x$`, flags: '' }], { size: INPUT_SIZE, screenSize: 4096, watchdogMs: 1000 });
    const w = quadratic.worst.get('control \\s*,?\\s*');
    assert.ok(quadratic.stuck !== null || (w !== undefined && w.ms > LIMIT_MS), `the quadratic control was not caught: ${JSON.stringify(w)}`);
  });
});
