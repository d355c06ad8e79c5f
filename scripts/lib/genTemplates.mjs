// Sentence templates and reference data for scripts/gen-workspace.mjs.
//
// The sentences are written for this generator (none is copied from a digest); company
// names and tickers come from the project's company data (server/data/companies.json,
// built from shared/data/companies), checked once against the analysis so each name
// resolves to its id in Simplified, Traditional and English text.
//
// Slots: {C} {C2} {C3} distinct companies, {CT} a company followed by its ticker,
// {M} an amount, {MR} a range of amounts, {MU} a price per unit, {P} a percentage,
// {K} {K2} {K3} distinct theme keywords, {Y} a year, {MD} a month and day, {N} a count.
// Traditional templates are the Simplified ones converted once at load (opencc), plus a
// few written for Hong Kong and Taiwan readers (ZH_HANT_ONLY).

/** id|Simplified name|Traditional name ("=" when the same)|English name|ticker, one a line. */
export const COMPANIES = `
openai||=|OpenAI|
anthropic||=|Anthropic|
xai|马斯克xAI|馬斯克xAI|xAI|
google-deepmind|谷歌DeepMind|=|Google DeepMind|
meta-superintelligence|Meta超级智能实验室|Meta超級智能實驗室|Meta Superintelligence Labs|
mistral||=|Mistral AI|
cohere||=|Cohere|
perplexity||=|Perplexity|
ssi||=|Safe Superintelligence|
thinking-machines||=|Thinking Machines Lab|
scale-ai||=|Scale AI|
databricks||=|Databricks|
hugging-face|抱抱脸|抱抱臉|Hugging Face|
figure-ai||=|Figure AI|
physical-intelligence||=|Physical Intelligence|
character-ai||=|Character.AI|
midjourney||=|Midjourney|
stability-ai||=|Stability AI|
runway||=|Runway|
cursor-anysphere||=|Anysphere|
zhipu|智谱|智譜|Zhipu AI|2513.HK
minimax|稀宇科技|=|MiniMax|0100.HK
moonshot|月之暗面|=|Moonshot AI|
stepfun|阶跃星辰|階躍星辰|StepFun|
baichuan|百川智能|=|Baichuan AI|
01-ai|零一万物|零一萬物|Lingyi Wanwu|
deepseek|深度求索|=|DeepSeek|
high-flyer|幻方量化|=|High-Flyer|
megvii|旷视科技|曠視科技|Megvii|
modelbest|面壁智能|=|ModelBest|
shengshu|生数科技|生數科技|Shengshu Technology|
iflytek|科大讯飞|科大訊飛|iFlytek|SZ:002230
kunlun-tech|昆仑万维|崑崙萬維|Kunlun Tech|SZ:300418
fourth-paradigm|第四范式|第四範式|Fourth Paradigm|6682.HK
cloudwalk|云从科技|雲從科技|CloudWalk|SH:688327
mobvoi|出门问问|出門問問|Mobvoi|2438.HK
xtalpi|晶泰科技|=|XtalPi|2228.HK
nvidia|英伟达|英偉達|NVIDIA|NASDAQ:NVDA
amd|超威半导体|超威半導體|AMD|NASDAQ:AMD
intel|英特尔|英特爾|Intel|NASDAQ:INTC
tsmc|台积电|臺積電|TSMC|TWSE:2330
samsung-electronics|三星电子|三星電子|Samsung Electronics|KRX:005930
sk-hynix|SK海力士|=||KRX:000660
micron|美光|=|Micron|NASDAQ:MU
sandisk|闪迪|閃迪|Sandisk|NASDAQ:SNDK
western-digital|西部数据|西部數據|Western Digital|NASDAQ:WDC
seagate|希捷|=|Seagate|NASDAQ:STX
kioxia|铠侠|鎧俠|Kioxia|TSE:285A
cxmt|长鑫存储|長鑫存儲|ChangXin Memory Technologies|
ymtc|长江存储|長江存儲|Yangtze Memory Technologies|
broadcom|博通|=|Broadcom|NASDAQ:AVGO
qualcomm||=|Qualcomm|NASDAQ:QCOM
arm|安谋|安謀|Arm|NASDAQ:ARM
asml|阿斯麦|阿斯麥|ASML|NASDAQ:ASML
marvell|迈威尔|邁威爾|Marvell|NASDAQ:MRVL
mediatek|联发科|聯發科|MediaTek|TWSE:2454
alchip|世芯|=|Alchip Technologies|TWSE:3661
guc|创意电子|創意電子|Global Unichip|TWSE:3443
aspeed|信骅|信驊|ASPEED Technology|TPEX:5274
umc|联电|聯電|United Microelectronics|TWSE:2303
ase|日月光|=|ASE Technology|TWSE:3711
globalfoundries|格芯|=|GlobalFoundries|NASDAQ:GFS
texas-instruments|德州仪器|德州儀器|Texas Instruments|NASDAQ:TXN
on-semi|安森美|=|onsemi|NASDAQ:ON
nxp|恩智浦|=|NXP|NASDAQ:NXPI
cadence|楷登电子|楷登電子|Cadence|NASDAQ:CDNS
synopsys|新思科技|=|Synopsys|NASDAQ:SNPS
applied-materials|应用材料|應用材料|Applied Materials|NASDAQ:AMAT
lam-research|泛林集团|泛林集團|Lam Research|NASDAQ:LRCX
kla|科磊|=|KLA|NASDAQ:KLAC
tokyo-electron|东京电子|東京電子|Tokyo Electron|TSE:8035
advantest|爱德万测试|愛德萬測試|Advantest|TSE:6857
disco|迪思科|=|Disco|TSE:6146
lasertec||=|Lasertec|TSE:6920
screen-hd|斯库林|斯庫林|SCREEN Holdings|TSE:7735
renesas|瑞萨电子|瑞薩電子|Renesas|TSE:6723
shin-etsu|信越化学|信越化學|Shin-Etsu Chemical|TSE:4063
sumco|胜高|勝高|SUMCO|TSE:3436
hanmi-semi|韩美半导体|韓美半導體|Hanmi Semiconductor|KRX:042700
teradyne|泰瑞达|泰瑞達|Teradyne|NASDAQ:TER
amkor|安靠|=|Amkor|NASDAQ:AMKR
astera-labs||=|Astera Labs|NASDAQ:ALAB
credo||=|Credo|NASDAQ:CRDO
coherent|高意|=|Coherent|NYSE:COHR
lumentum|朗美通|=|Lumentum|NASDAQ:LITE
fabrinet||=|Fabrinet|NYSE:FN
ciena|讯远通信|訊遠通信|Ciena|NYSE:CIEN
arista|安奈特|=|Arista Networks|NYSE:ANET
cisco|思科|=|Cisco|NASDAQ:CSCO
celestica|天弘|=|Celestica|NYSE:CLS
vertiv|维谛技术|維諦技術|Vertiv|NYSE:VRT
ge-vernova||=|GE Vernova|NYSE:GEV
supermicro|超微电脑|超微電腦|Super Micro Computer|NASDAQ:SMCI
dell|戴尔|戴爾|Dell Technologies|NYSE:DELL
hpe||=|Hewlett Packard Enterprise|NYSE:HPE
ibm|国际商业机器|國際商業機器|IBM|NYSE:IBM
foxconn|鸿海|鴻海|Foxconn|TWSE:2317
fii|工业富联|工業富聯|Foxconn Industrial Internet|SH:601138
quanta|广达|廣達|Quanta Computer|TWSE:2382
wistron|纬创|緯創|Wistron|TWSE:3231
wiwynn|纬颖|緯穎|Wiwynn|TWSE:6669
inventec|英业达|英業達|Inventec|TWSE:2356
delta-electronics|台达电|臺達電|Delta Electronics|TWSE:2308
gigabyte|技嘉|=|Gigabyte Technology|TWSE:2376
asus|华硕|華碩|ASUSTeK Computer|TWSE:2357
nanya-tech|南亚科|南亞科|Nanya Technology|TWSE:2408
luxshare|立讯精密|立訊精密|Luxshare Precision|SZ:002475
biren|壁仞科技|=|Biren Technology|6082.HK
moore-threads|摩尔线程|摩爾線程|Moore Threads|SH:688795
metax|沐曦|=|MetaX|SH:688802
enflame|燧原科技|=|Enflame|
axera|爱芯元智|愛芯元智|Axera|0600.HK
lightelligence|曦智科技|=|Lightelligence|1879.HK
kunlunxin|昆仑芯|崑崙芯|Kunlunxin|
cambricon|寒武纪|寒武紀|Cambricon|SH:688256
hygon|海光信息|=|Hygon Information Technology|SH:688041
huawei|华为|華為|Huawei|
ascend|昇腾|昇騰|Ascend|
hisilicon|海思|=|HiSilicon|
t-head|平头哥|平頭哥|T-Head|
smic|中芯国际|中芯國際|SMIC|SH:688981
hua-hong|华虹半导体|華虹半導體|Hua Hong Semiconductor|SH:688347
naura|北方华创|北方華創|NAURA Technology|SZ:002371
amec|中微公司|=|AMEC|SH:688012
verisilicon|芯原股份|=|VeriSilicon|SH:688521
loongson|龙芯中科|龍芯中科|Loongson Technology|SH:688047
gigadevice|兆易创新|兆易創新|GigaDevice|SH:603986
montage|澜起科技|瀾起科技|Montage Technology|SH:688008
jcet|长电科技|長電科技|JCET Group|SH:600584
tfme|通富微电|通富微電|Tongfu Microelectronics|SZ:002156
intellifusion|云天励飞|雲天勵飛|Intellifusion|SH:688343
horizon-robotics|地平线机器人|地平線機器人|Horizon Robotics|9660.HK
black-sesame|黑芝麻智能|=|Black Sesame Technologies|2533.HK
innolight|中际旭创|中際旭創|Zhongji Innolight|SZ:300308
eoptolink|新易盛|=|Eoptolink|SZ:300502
tfc|天孚通信|=|TFC Optical|SZ:300394
accelink|光迅科技|=|Accelink|SZ:002281
inspur|浪潮信息|=|Inspur Electronic Information|SZ:000977
sugon|中科曙光|=|Sugon|SH:603019
unisplendour|紫光股份|=|Unisplendour|SZ:000938
wus-pcb|沪电股份|滬電股份||SZ:002463
victory-giant|胜宏科技|勝宏科技|Victory Giant Technology|SZ:300476
scc|深南电路|深南電路|Shennan Circuits|SZ:002916
shengyi|生益科技|=|Shengyi Technology|SH:600183
runze|润泽科技|潤澤科技|Range Intelligent Computing|SZ:300442
kingsoft-office|金山办公|金山辦公|Kingsoft Office|SH:688111
zte|中兴通讯|中興通訊|ZTE|SZ:000063
lenovo||=|Lenovo|0992.HK
microsoft|微软|微軟|Microsoft|NASDAQ:MSFT
amazon|亚马逊|亞馬遜|Amazon|NASDAQ:AMZN
alphabet|谷歌|=|Alphabet|NASDAQ:GOOGL
meta||=|Meta|NASDAQ:META
apple||=|Apple|NASDAQ:AAPL
tesla|特斯拉|=|Tesla|NASDAQ:TSLA
spacex|太空探索技术公司|太空探索技術公司|SpaceX|
oracle|甲骨文|=|Oracle|NYSE:ORCL
netflix|奈飞|奈飛|Netflix|NASDAQ:NFLX
salesforce|赛富时|賽富時|Salesforce|NYSE:CRM
palantir||=|Palantir|NASDAQ:PLTR
snowflake||=|Snowflake|NYSE:SNOW
servicenow||=|ServiceNow|NYSE:NOW
adobe|奥多比|奧多比|Adobe|NASDAQ:ADBE
coreweave||=|CoreWeave|NASDAQ:CRWV
nebius||=|Nebius|NASDAQ:NBIS
applied-digital||=|Applied Digital|NASDAQ:APLD
equinix|易昆尼克斯|=|Equinix|NASDAQ:EQIX
digital-realty||=|Digital Realty|NYSE:DLR
alibaba|阿里巴巴|=|Alibaba|NYSE:BABA
tencent|腾讯控股|騰訊控股|Tencent|0700.HK
bytedance|字节跳动|字節跳動|ByteDance|
baidu|百度集团|百度集團|Baidu|NASDAQ:BIDU
jd|京东集团|京東集團|JD.com|NASDAQ:JD
meituan|美团|美團|Meituan|3690.HK
xiaomi|小米集团|小米集團|Xiaomi|1810.HK
kuaishou|快手|=|Kuaishou|1024.HK
bilibili|哔哩哔哩|嗶哩嗶哩|Bilibili|NASDAQ:BILI
netease|网易|網易|NetEase|NASDAQ:NTES
pdd|拼多多|=|PDD Holdings|NASDAQ:PDD
trip-com|携程集团|攜程集團|Trip.com|NASDAQ:TCOM
kingsoft-cloud|金山云|金山雲|Kingsoft Cloud|NASDAQ:KC
gds|万国数据|萬國數據|GDS Holdings|NASDAQ:GDS
vnet|世纪互联|世紀互聯|VNET Group|NASDAQ:VNET
catl|宁德时代|寧德時代|CATL|SZ:300750
byd|比亚迪|比亞迪|BYD|SZ:002594
eve-energy|亿纬锂能|億緯鋰能|EVE Energy|SZ:300014
gotion|国轩高科|國軒高科|Gotion High-Tech|SZ:002074
calb|中创新航|中創新航|CALB|3931.HK
sunwoda|欣旺达|欣旺達|Sunwoda|SZ:300207
lges|LG新能源|=|LG Energy Solution|KRX:373220
samsung-sdi|三星SDI|=|Samsung SDI|KRX:006400
panasonic|松下|=|Panasonic|TSE:6752
longi|隆基绿能|隆基綠能|LONGi Green Energy|SH:601012
trina|天合光能|=|Trina Solar|SH:688599
jinko|晶科能源|=|JinkoSolar|SH:688223
ja-solar|晶澳科技|=|JA Solar|SZ:002459
tongwei|通威股份|=|Tongwei|SH:600438
maxwell|迈为股份|邁為股份|Suzhou Maxwell|SZ:300751
drinda|钧达股份|鈞達股份|Drinda|SZ:002865
risen|东方日升|東方日升|Risen Energy|SZ:300118
sungrow|阳光电源|陽光電源|Sungrow Power|SZ:300274
aiko|爱旭股份|愛旭股份|Aiko Solar|SH:600732
tcl-zhonghuan|TCL中环|TCL中環|TCL Zhonghuan|SZ:002129
gcl-tech|协鑫科技|協鑫科技|GCL Technology|3800.HK
daqo|大全能源|=|Daqo New Energy|SH:688303
canadian-solar|阿特斯|=|Canadian Solar|SH:688472
xinyi-solar|信义光能|信義光能|Xinyi Solar|0968.HK
first-solar|第一太阳能|第一太陽能|First Solar|NASDAQ:FSLR
huayou|华友钴业|華友鈷業|Zhejiang Huayou Cobalt|SH:603799
ganfeng|赣锋锂业|贛鋒鋰業|Ganfeng Lithium|SZ:002460
tianqi|天齐锂业|天齊鋰業|Tianqi Lithium|SZ:002466
zijin|紫金矿业|紫金礦業|Zijin Mining|SH:601899
cmoc|洛阳钼业|洛陽鉬業|CMOC Group|SH:603993
northern-rare-earth|北方稀土|=|China Northern Rare Earth|SH:600111
sinomine|盛新锂能|盛新鋰能|Chengxin Lithium|SZ:002240
yahua|雅化集团|雅化集團|Yahua Group|SZ:002497
gem|格林美|=|GEM Co.|SZ:002340
albemarle|雅保|=|Albemarle|NYSE:ALB
sqm|智利矿业化工|智利礦業化工|SQM|NYSE:SQM
mp-materials||=|MP Materials|NYSE:MP
freeport|自由港麦克莫兰|自由港麥克莫蘭|Freeport-McMoRan|NYSE:FCX
rio-tinto|力拓|=|Rio Tinto|NYSE:RIO
bhp|必和必拓|=|BHP|NYSE:BHP
glencore|嘉能可|=|Glencore|LSE:GLEN
softbank-group|软银集团|軟銀集團|SoftBank Group|TSE:9984
softbank-corp|软银公司|軟銀公司|SoftBank Corp|TSE:9434
deloitte|德勤|=|Deloitte|
pwc|普华永道|普華永道|PwC|
ey||=|Ernst & Young|
kpmg|毕马威|畢馬威|KPMG|
mckinsey|麦肯锡|麥肯錫|McKinsey|
bcg|波士顿咨询|波士頓諮詢|BCG|
bain|贝恩|貝恩|Bain & Company|
accenture|埃森哲|=|Accenture|NYSE:ACN
citic-securities|中信证券|中信證券|CITIC Securities|SH:600030
cicc|中金公司|=|CICC|SH:601995
htsc|华泰证券|華泰證券|Huatai Securities|SH:601688
gtht|国泰海通|國泰海通|Guotai Haitong Securities|SH:601211
goldman-sachs|高盛|=|Goldman Sachs|NYSE:GS
morgan-stanley|摩根士丹利|=|Morgan Stanley|NYSE:MS
jpmorgan|摩根大通|=|JPMorgan Chase|NYSE:JPM
citigroup|花旗|=|Citigroup|NYSE:C
bank-of-america|美国银行|美國銀行|Bank of America|NYSE:BAC
ubs|瑞银|瑞銀|UBS|NYSE:UBS
nomura|野村|=|Nomura|TSE:8604
mufg|三菱日联|三菱日聯|MUFG|TSE:8306
mizuho|瑞穗|=|Mizuho|TSE:8411
blackrock|贝莱德|貝萊德|BlackRock|NYSE:BLK
blackstone|黑石|=|Blackstone|NYSE:BX
kkr|科尔伯格·克拉维斯|科爾伯格·克拉維斯|KKR|NYSE:KKR
sequoia|红杉资本|紅杉資本|Sequoia Capital|
a16z||=|Andreessen Horowitz|
hillhouse|高瓴资本|高瓴資本|Hillhouse|
mgx||=|MGX|
temasek|淡马锡|淡馬錫|Temasek|
big-fund|大基金|=|China Integrated Circuit Industry Investment Fund|
core-scientific||=|Core Scientific|NASDAQ:CORZ
iren||=|IREN|NASDAQ:IREN
mara||=|MARA Holdings|NASDAQ:MARA
hut-8||=|Hut 8|NASDAQ:HUT
bitdeer|比特小鹿|=|Bitdeer|NASDAQ:BTDR
bitmain|比特大陆|比特大陸|Bitmain|
canaan|嘉楠|=|Canaan|NASDAQ:CAN
riot||=|Riot Platforms|NASDAQ:RIOT
cleanspark||=|CleanSpark|NASDAQ:CLSK
cipher-mining||=|Cipher Digital|NASDAQ:CIFR
terawulf||=|TeraWulf|NASDAQ:WULF
keel-bitfarms||=|Keel Infrastructure|NASDAQ:KEEL
galaxy||=|Galaxy Digital|NASDAQ:GLXY
tether|泰达|泰達|Tether|
circle||=|Circle|NYSE:CRCL
coinbase||=|Coinbase|NASDAQ:COIN
strategy|微策略|=|Strategy|NASDAQ:MSTR
sony|索尼|=|Sony|TSE:6758
toyota|丰田|豐田|Toyota|TSE:7203
hitachi|日立|=|Hitachi|TSE:6501
fujikura|藤仓|藤倉|Fujikura|TSE:5803
ibiden|揖斐电|揖斐電|Ibiden|TSE:4062
murata|村田制作所|村田製作所|Murata|TSE:6981
ntt|日本电信电话|日本電信電話|NTT|TSE:9432
keyence|基恩士|=|Keyence|TSE:6861
sakura-internet||=|Sakura Internet|TSE:3778
naver||=|Naver|KRX:035420
kakao||=|Kakao|KRX:035720
sk-square||=|SK Square|KRX:402340
sk-telecom|SK电讯|SK電訊||KRX:017670
hyundai-motor|现代汽车|現代汽車|Hyundai Motor|KRX:005380
li-auto|理想汽车|理想汽車|Li Auto|NASDAQ:LI
xpeng|小鹏汽车|小鵬汽車|XPeng|NYSE:XPEV
nio|蔚来|蔚來|NIO|NYSE:NIO
geely|吉利汽车|吉利汽車|Geely Auto|0175.HK
seres|赛力斯|賽力斯|Seres Group|SH:601127
pony-ai|小马智行|小馬智行|Pony AI|NASDAQ:PONY
weride|文远知行|文遠知行|WeRide|NASDAQ:WRD
ubtech|优必选|優必選|UBTech Robotics|9880.HK
unitree|宇树科技|宇樹科技|Unitree Robotics|
dobot|越疆科技|=|Dobot|2432.HK
product-chatgpt||=|ChatGPT|
product-claude||=|Claude|
product-gemini||=|Gemini|
product-grok||=|Grok|
product-llama||=|Llama|
product-doubao|豆包|=|Doubao|
product-qwen|通义千问|通義千問|Qwen|
product-ernie|文心一言|=|ERNIE Bot|
product-hunyuan|腾讯混元|騰訊混元|Hunyuan|
product-kimi||=|Kimi|
product-glm|智谱清言|智譜清言|GLM|
product-cuda||=|CUDA|`;

/** Simplified Chinese sentences that state an amount. */
export const ZH_FIGURE = [
  '{C}公布最新季度业绩,营收达到{M},同比增长{P},管理层把增量主要归因于{K}。',
  '据知情人士透露,{C}正在洽谈一笔约{M}的新融资,估值较上一轮抬高{P}左右。',
  '{MD},{C}宣布追加{M}用于扩建{K}产能,首批项目预计{Y}年投产。',
  '机构测算,{K}相关订单总额已超过{M},其中{C}与{C2}合计拿下将近一半。',
  '{CT}盘中一度上涨{P},成交额放大到{M},资金明显向{K}方向集中。',
  '{C}披露,旗下{K}业务去年贡献收入{M},占总收入的{P}。',
  '多家券商预计,{C}今年在{K}上的投入将介于{MR}之间。',
  '报价显示,{K}现货价格目前约为{MU},较月初回落{P}。',
  '{C}计划赴港上市,拟募资最高{M},{C2}有望成为基石投资者。',
  '截至{MD},{C}年内累计回购金额已达{M},回购节奏明显快于去年。',
  '{C}与{C2}签下为期{N}年的{K}供货协议,合同总额约{M}。',
  '受{K}拉动,{C}上半年净利润达到{M},毛利率提升至{P}。',
  '有消息称{C}拟以{M}收购{C2}的{K}业务,交易仍需监管批准。',
  '{C}下调全年指引,预计{K}相关收入仅为{MR}。',
  '南向资金{MD}净买入{C}约{M},连续第{N}个交易日加仓。',
];

/** Simplified Chinese sentences that name companies and themes but state no amount. */
export const ZH_MENTION = [
  '{C}、{C2}与{C3}都在加码{K},竞争正从{K2}延伸到{K3}。',
  '对{C}来说,真正的考验是{K}能否尽快转化为稳定的现金流。',
  '业内普遍认为,{K}与{K2}正在形成新的需求闭环,{C}是最直接的受益者之一。',
  '{C}管理层在业绩会上反复提到{K},并表示明年会继续扩大{K2}方面的投入。',
  '从产业链看,上游的{K}、中游的{K2}和下游的{K3}出现了明显的景气分化。',
  '不少投资者担心{K}过热,但{C}的订单能见度已经排到了{Y}年。',
  '{C}与{C2}签署合作备忘录,双方将在{K}和{K2}领域共建联合实验室。',
  '{K}政策的变化,让{C}不得不重新评估在海外的{K2}布局。',
  '{C}旗下{K}产品线本月完成升级,{C2}随即跟进推出同类方案。',
  '在{K}赛道上,{C}的份额已升至{P}左右,仅次于{C2}。',
  '{CT}和{C2}同日发布{K}新品,市场把这看作{K2}竞争进入下半场的信号。',
  '分析人士提醒,{C}在{K}上的领先并不稳固,{C2}正在{K2}方向快速追赶。',
  '{C}的{K}团队近期扩编,招聘重点集中在{K2}与{K3}。',
];

/** Simplified Chinese sentences that only carry theme words. */
export const ZH_THEME = [
  '{K}、{K2}与{K3}三条主线相互交织,构成了今年最受关注的投资叙事。',
  '随着{K}需求持续外溢,{K2}的瓶颈愈发突出,{K3}也被重新定价。',
  '如果{K}的节奏放缓,{K2}和{K3}的估值都可能面临回调压力。',
  '{K}的热度短期内难以降温,{K2}则更依赖政策端的进一步明确。',
];

/** Simplified Chinese sentences with nothing to find: they dilute the density. */
export const ZH_FILLER = [
  '这一变化并非一夜之间发生,而是过去几年持续积累的结果。',
  '短期波动在所难免,但中长期逻辑并没有根本改变。',
  '值得注意的是,部分细节仍有待官方进一步确认。',
  '周内市场情绪反复切换,多空分歧明显加大。',
  '多位受访者表示,接下来几个月的数据将决定这一判断是否成立。',
];

/** Chinese titles; {K} and {C} as above. */
export const ZH_TITLE = [
  '{C}押注{K}:机会与隐忧并存',
  '{K}周报:{C}领涨,{K2}分化',
  '一文看懂{K}的新变化',
  '{C}的{K}账本怎么算?',
  '从{K}到{K2}:本周要点回顾',
];

/** Sentences written for Traditional Chinese readers (Hong Kong and Taiwan usage). */
export const ZH_HANT_ONLY = {
  figure: [
    '{C}董事會通過新一輪配股,集資約{M},所得款項將投放於{K}。',
    '據交易所文件,{C}首日掛牌即升{P},市值衝上{M}。',
  ],
  mention: [
    '{C}與{C2}同場較勁,{K}與{K2}成為法說會上最常被追問的話題。',
    '外資近月持續調高{C}目標價,理由是{K}的能見度已延伸至{Y}年。',
  ],
};

/** English sentences that state an amount. */
export const EN_FIGURE = [
  '{C} reported quarterly revenue of {M}, up {P} from a year earlier, and credited demand for {K}.',
  'People familiar with the talks said {C} is raising about {M} at a valuation roughly {P} above its last round.',
  'On {MD}, {C} committed another {M} to {K} capacity, with the first sites due in {Y}.',
  'Orders linked to {K} now top {M}, and {C} and {C2} hold close to half of them.',
  'Shares of {CT} rose as much as {P} on turnover of {M} as money rotated into {K}.',
  '{C} said its {K} unit brought in {M} last year, or {P} of group sales.',
  'Brokers expect {C} to spend between {MR} on {K} and {K2} this year.',
  'Spot {K} prices sit near {MU}, down {P} since the start of the month.',
  '{C} is preparing a Hong Kong listing that could raise up to {M}, with {C2} lined up as an anchor investor.',
  'By {MD}, {C} had repurchased {M} of stock this year, well ahead of last year.',
  '{C} and {C2} signed a {N}-year {K} supply deal worth about {M}.',
  'Helped by {K}, {C} earned {M} in the first half as gross margin widened to {P}.',
  '{C} is said to be weighing a {M} bid for the {K} business of {C2}.',
];

/** English sentences that name companies and themes but state no amount. */
export const EN_MENTION = [
  '{C}, {C2} and {C3} are all leaning into {K}, and the contest is spilling over from {K2} into {K3}.',
  'For {C}, the real test is whether {K} turns into steady cash flow soon enough.',
  'Executives at {C} returned to {K} again and again on the call and promised more {K2} next year.',
  'Upstream {K}, midstream {K2} and downstream {K3} are moving at very different speeds.',
  'Some investors worry that {K} is running hot, yet {C} says its {K2} order book reaches into {Y}.',
  '{C} and {C2} agreed to set up a joint lab for {K} and {K2}.',
  'Shifting {K} rules have pushed {C} to rethink its {K2} plans abroad.',
  '{CT} and {C2} launched rival {K} products on the same day, a sign that {K2} is getting crowded.',
  'Analysts caution that the lead of {C} in {K} is fragile, with {C2} closing in on {K2}.',
  'In {K}, {C} now holds about {P} of the market, second only to {C2}.',
];

/** English sentences that only carry theme words. */
export const EN_THEME = [
  '{K}, {K2} and {K3} keep feeding into one another and set the tone for the quarter.',
  'As {K} demand spills over, {K2} becomes the bottleneck and {K3} gets repriced.',
  'A slowdown in {K} would put pressure on {K2} and {K3} valuations alike.',
];

/** English sentences with nothing to find. */
export const EN_FILLER = [
  'None of this happened overnight; it is the result of several years of steady build-up.',
  'Short-term swings are unavoidable, but the longer-term case has not changed.',
  'Some of the details still await official confirmation.',
  'Sentiment flipped more than once during the week.',
];

/** English titles. */
export const EN_TITLE = [
  '{C} bets on {K}: the upside and the risks',
  '{K} weekly: {C} leads, {K2} diverges',
  'What changed in {K} this week',
  'From {K} to {K2}: the week in review',
];

/** Sources for the footer and the byline (media names that are not entities). */
export const SOURCES_ZH = ['编辑部', '研究所晨会', '投研笔记', '行业观察', '早报摘要'];
export const SOURCES_EN = ['Desk notes', 'Morning brief', 'Research digest', 'Weekly wrap'];
