"""Project names in an article body.

A project name is printed with its suffix: '…项目' or '…工程', or a facility ('…产业园',
'…基地', '…厂房', '…安置房', '…有机更新', '…综合体' …) directly followed by a construction word
(机床装备产业园建设, 城北安置房顺利封顶, …产业园总投资…) or preceded by one (开工建设的城西
安置房). A facility may carry a part or a phase before the verb (物流园(北区)开工, 安置房二期
封顶); a centre or base must also be somewhere's or something's. The name runs left from
the suffix to the start of its phrase, over quoted (“未来之城”项目) and bracketed parts, and is
cut after the verb or preposition that introduces it (签约现代农业综合体项目, 规划面积达3000亩的
机床装备产业园). Precision comes first: generic phrases (重点项目, 该项目, 一批项目) and honours
(全国先进制造业基地) are not projects; a name must hold something concrete — a facility, a place,
a company, an industry or a phase (一期).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from .. import lexicons
from ..entities import find_places
from ..sentences import Sentence

NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
MAX_NAME = 40  # 浙江…股份有限公司年产…项目 runs long

# '…项目' / '…工程', unless the suffix is the start of another word (工程师, 项目化, 项目计划).
_STRONG_SUFFIX = re.compile(
    r"(?:项目|工程)(?!师|院|机械|车|化|制|部|组|库|清单|资金|经理|招商|包|量"
    r"|计划(?!总?投资|于|在|开工|建成|投产|竣工|[0-9]))"  # 项目计划 is a plan, 项目计划总投资 a project
)
# Facilities that name a project only when a construction word follows them, maybe after a
# part in brackets, a phase, and an adverb (产业园(南区)开工, 安置房二期顺利封顶).
FACILITIES = (
    "产业园区 产业园 工业园区 工业园 科技园 创业园 物流园 产业基地 生产基地 研发基地 基地 园区 电站 "
    "综合体 中心 小镇 厂房 标准厂房 安置房 安置小区 有机更新 大楼 大厦 医院 码头 大桥 隧道 水库 生产线"
).split()
_PART = r"(?:[(（][\u4e00-\u9fffA-Za-z0-9]{1,8}[)）])?(?:[一二三四五六七八九十]期)?"
_ADVERB = r"(?:正式|顺利|全面|主体(?:结构)?|已|已经|成功|率先|提前|如期|集中|开工)?"
_BUILD_WORD = (r"(?:建设|开工|动工|投产|竣工|封顶|结顶|建成|签约|奠基|完工|启用|投用|投运|交付|开业|开园|落成|通车"
               r"|(?:计划|项目)?总投资)")
_FACILITY_SUFFIX = re.compile(
    rf"(?:{lexicons.alternation(FACILITIES)}){_PART}(?={_ADVERB}{_BUILD_WORD})"
)

# … or preceded by one: 开工建设的城西安置房, 新建智能制造产业园.
_ANY_FACILITY = re.compile(rf"(?:{lexicons.alternation(FACILITIES)}){_PART}")
_BUILT_BEFORE = re.compile(
    r"(?:新建|开工建设|投资建设|动工兴建|兴建|扩建|续建|迁建|"
    r"(?:在建|正在建设|建设中|开工|竣工|投产|建成|签约|落户|落地)的)$"
)

# Words after which a project name starts (签约现代农业综合体项目, 推进…的…产业园).
_CUT_WORDS = (
    "成功签约 签约 推进 实施 开工 建设 落地 落户 引进 投资 包括 启动 加快 推动 谋划 储备 招引 打造 完成 "
    "开展 参与 承担 入选 列入 围绕 聚焦 作为 其中 目前 今年 去年 明年 当天 近日 截至 已有 已经 正在 "
    "全力 此外 另外 同时 以及 还有 总投资 共有 新增 新建 续建 扩建 对接 洽谈 聚力 助力 发力 "
    "关注 尚在 调研 走访 视察 考察 参观 开工建设 全面开工 集中开工 顺利投产 正式投产 "
    "举行 举办 召开 发布 公布 印发 出台 部署 审议 听取 通报 发出 涵盖 涉及 分别是 分别为 首个 首批 "
    "既有 也有 又有 另有 均有 拥有"
).split()
# One-character words after which a name starts (暨: 签约仪式暨…产业园开工).
CUT_CHARS = frozenset("的在是对为把由从向以等了于将被让给这该此其即赴占暨")
# Conjunctions: a name may start after them (研究院和吉光光电项目) or hold them (码头及配套工程).
SOFT_CUT_CHARS = frozenset("和与及、")
# Names made only of these words are generic (重点项目, 民生实事工程, 亿元以上产业项目).
_GENERIC = re.compile(
    r"(?:重点|重大|产业|招商|引资|引进|这个|这些|各类|各个|一批|多个|首个|首批|实事|民生|配套|基础设施|建设|改革|"
    r"民主|协商|创新|创业|人才|院士|科技|攻关|研发|合作|培训|试点|示范|公益|政府投资|投资|亿元以上|以上|上述|"
    r"相关|其他|所有|全部|续建|新建|新开工|开工|在建|竣工|投产|签约|数字化|攻坚|课题|专项|计划|工作|服务|"
    r"惠民|民心|工业上楼|千项万亿|一号|优质|关键|核心|标志性|引领性|龙头|链主|百亿|十亿|年度|监督|十大|若干|"
    r"协同|产学研|集中|当年|省市县|国家级|省级|市级|县级|国家|中心|基地|园区|产业园|综合体|电站|"
    r"外资|内资|工业|制造业|服务业|农业|社会|文化|城市|乡村|标准|生产|人民|"
    r"年|季度|月份|月|上半|下半|全|首|春季|夏季|秋季|冬季|"
    r"子|新|大|小|好|类|个|省|市|县|区|该|本|此|各|"
    r"[0-9一二三四五六七八九十百千万亿]+)+"
)
# Honours and programmes, not projects: 全国先进制造业基地, 省级电子商务直播基地.
_SCOPE_PREFIX = re.compile(r"^(?:全国|全省|全市|全县|全区|全镇|世界级|国家级|省级|市级|县级|国内|各级|省市县|国家)")
# What makes a name concrete: a facility or a works noun, or a phase.
CONCRETE = re.compile(
    r"园|基地|电站|综合体|中心|小镇|码头|港区|港|大楼|大厦|厂房|工厂|车间|生产线|公路|国道|省道|铁路|快速路|"
    r"高速|大道|路|桥|隧道|水库|电厂|学校|学院|医院|广场|公园|湿地|智谷|核心区|片区|区块|城|馆|站|线|楼|河|湖|"
    r"岛|堤|塘|闸|管网|污水|供水|景区|度假区|街区|风电|光伏|储能|算力|芯片|改造|整治|疏浚|修缮|防治|安置|更新|之家|年产|"
    r"[一二三四五六七八九十]期"
)
_PHASE_ONLY = re.compile(r"[一二三四五六七八九十、]+期")
GENERIC_HEAD = re.compile(r"^(?:一批|多个|各类|这些|新|大|重点|重大|优质)+")
# A name followed by a count is a category: 合作研发泵类项目200余项, 培训项目415个班次.
_COUNT_AFTER = re.compile(r"[0-9一二三四五六七八九十百千]+(?:多|余)?[个项家批类]")
# A centre or base named for what it does is a service or a designation, not a project.
_DESIGNATION = re.compile(r"(?:服务|实践|示范|教育|培训|直播|党群|便民|指挥|调度|研究|孵化)$")
# A quoted slogan counts its parts: “两路两侧”, “五水共治”, “三改一拆”.
_NUMERAL = "[一二两三四五六七八九十百千万]"
_SLOGAN = re.compile(rf"“[^”]*{_NUMERAL}[^”]*{_NUMERAL}[^”]*”|“{_NUMERAL}")
# A count before the suffix: A和B两个项目.
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两百千]+(?:多|余)?[个批项](?:重大|重点|产业|签约|开工)*$")
_BYLINE = re.compile(r"记者|通讯员|本报|摄|图")
# Quotes and brackets a name may hold: (closing, opening).
_PAIRS = {"”": "“", "」": "「", "』": "『", ")": "(", "）": "（"}


@dataclasses.dataclass
class Candidate:
    name: str
    start: int
    end: int
    sentence: Sentence
    group: int | None = None  # enumerations: the members of one list share a group number


@functools.cache
def _cut_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_CUT_WORDS))


def run_start(body: str, pos: int) -> int:
    """Where the run of name characters ending at `pos` begins; a quoted or bracketed part
    (“人才之家”, (南区)) belongs to the run."""
    i = pos
    while i > 0 and pos - i < MAX_NAME:
        ch = body[i - 1]
        if NAME_CHARS.match(ch) or ch == "、":
            i -= 1
        elif ch in _PAIRS:
            j = body.rfind(_PAIRS[ch], max(0, i - 16), i - 1)
            inside = body[j + 1:i - 1]
            if j < 0 or not all(NAME_CHARS.match(c) for c in inside) or _BYLINE.match(inside):
                break
            i = j
        else:
            break
    return i


def name_starts(run: str) -> list[int]:
    """Where the name may begin in the text before its suffix, most likely first: after each
    conjunction right of the last cut word (right to left), then after that cut word. A cut
    word right before the suffix belongs to the name (城东片区建设项目, 礁山渔港扩建工程)."""
    hard = 0
    for m in _cut_re().finditer(run):
        if m.end() < len(run):
            hard = max(hard, m.end())
    for i, ch in enumerate(run):
        if ch in CUT_CHARS and i + 1 > hard and not _inside_quotes(run, i):
            hard = i + 1
    soft = [i + 1 for i, ch in enumerate(run) if ch in SOFT_CUT_CHARS and i + 1 > hard]
    starts = sorted(soft, reverse=True) + [hard]
    # digits left at the front belong to a date or a measure, not to the name
    out = []
    for start in starts:
        m = re.match(r"[0-9]+(?![0-9]|国道|省道|县道|高速)[^\u4e00-\u9fff“「『]*", run[start:])
        out.append(start + (m.end() if m else 0))
    return out


def _inside_quotes(text: str, i: int) -> bool:
    return text.rfind("“", 0, i) > text.rfind("”", 0, i)


def _bare(text: str) -> str:
    return re.sub(r"[“”「」『』]", "", text)


def _without_places(text: str) -> str:
    for s, e, _ in reversed(find_places(text)):
        text = text[:s] + text[e:]
    return text


# Progress verbs inside a candidate: 完成工程量, 已完成工程投资 report how far works are.
_PROGRESS_VERB = re.compile(r"完成|完工")


def is_project_name(name: str, suffix: str, companies: frozenset[str]) -> bool:
    stem = _bare(name[: len(name) - len(suffix)])
    if len(stem) < 2 or _PHASE_ONLY.fullmatch(stem) or _GENERIC.fullmatch(stem):
        return False
    if _COUNTED.search(stem):
        return False  # A和B两个项目: a count of projects ends no name
    if _PROGRESS_VERB.search(stem):
        return False  # 西环路已完成工程(投资): progress reported on works, not a name
    if _SLOGAN.search(name) or (len(stem) <= 2 and CONCRETE.fullmatch(stem)):
        return False  # “四边三化”工程, “五水共治”: a campaign; 码头工程: a kind of works
    if stem in lexicons.everyday_words():
        return False  # 调研中心建设: a verb is no name
    if _SCOPE_PREFIX.match(stem) or stem[0] in SOFT_CUT_CHARS:
        return False
    if suffix in ("项目", "工程") and _GENERIC.fullmatch(_without_places(stem) or "新"):
        return False  # 浙江省“千项万亿”项目, 松门镇重点项目: a place is no project
    bare = GENERIC_HEAD.sub("", stem)
    if suffix in ("项目", "工程") and (bare in lexicons.industry_aliases() or re.fullmatch(r".{1,4}类", bare)):
        return False  # 文旅项目, 一批激光项目, 泵类项目: a kind of project, not one
    has_entity = bool(lexicons.industry_pattern().search(stem) or find_places(stem)
                      or any(stem.startswith(c) for c in companies))
    if re.match(r"中心|基地|园区|小镇", suffix):
        # 新时代文明实践中心, 青年创业基地: a service or a designation, unless it is somewhere's
        # or something's (泽国镇…中心, 机床装备产业园) and no designation (…示范基地)
        return has_entity and not _DESIGNATION.search(stem)
    return bool(
        CONCRETE.search(name)
        or lexicons.industry_pattern().search(stem)
        or find_places(stem)
        or any(stem.startswith(c) for c in companies)  # 热刺激光…, 中昊芯英…
    )


def suffixed_candidates(body: str, sentences: list[Sentence], companies: frozenset[str],
                        people: list[tuple[int, int]]) -> list[Candidate]:
    """Names printed with a project suffix or a facility followed by a construction word."""
    starts = [s.start for s in sentences]
    found: list[Candidate] = []
    for pattern in (_STRONG_SUFFIX, _FACILITY_SUFFIX, _ANY_FACILITY):
        for m in pattern.finditer(body):
            if _COUNT_AFTER.match(body, m.end()):
                continue
            begin = run_start(body, m.start())
            run = body[begin:m.start()]
            if run.endswith("、"):
                continue  # 创新突破年、项目攻坚年: a list of slogans
            start = next((begin + s for s in name_starts(run)
                          if is_project_name(body[begin + s:m.end()], m.group(0), companies)), None)
            if start is None:
                continue
            if pattern is _ANY_FACILITY and not _BUILT_BEFORE.search(body[max(0, start - 8):start]):
                continue
            if any(c.start < m.end() and start < c.end for c in found):
                continue
            if any(p[0] < m.end() and start < p[1] for p in people):
                continue  # 市政协主席江金永…调研中心建设: a name holds no person
            i = bisect.bisect_right(starts, start) - 1
            if i < 0:
                continue
            found.append(Candidate(body[start:m.end()], start, m.end(), sentences[i]))
    return sorted(found, key=lambda c: c.start)
