"""Figures with units in Chinese text: 105.78亿元, 11.6%, 3000亩, 70万千瓦, 十二个, 两万人 …

`find_quantities` returns every number that carries a unit, with its span in the text it was
given and a normalised value (亿元 → CNY, % → ratio, 万千瓦 → kW …). Numbers without a unit,
dates (2024年, 8月21日), ranges (1—11月, 3至5年), ordinals (第34次, 六届五次) and codes
(BP850, G104, MT2024, 2+2+4+4) are not quantities. Which quantities are worth a metric is
decided by metrics.py, not here.
"""
from __future__ import annotations

import dataclasses
import re

# --- lexicon -------------------------------------------------------------------------------

# Base unit as printed → (normalised unit, factor to that unit).
UNITS: dict[str, tuple[str, float]] = {
    # money
    "元": ("CNY", 1.0), "美元": ("USD", 1.0), "欧元": ("EUR", 1.0), "港元": ("HKD", 1.0),
    # shares
    "%": ("ratio", 0.01), "％": ("ratio", 0.01), "‰": ("ratio", 0.001),
    "个百分点": ("percentage_point", 1.0), "百分点": ("percentage_point", 1.0),
    "倍": ("times", 1.0), "成": ("ratio", 0.1),
    # people and households
    "人": ("persons", 1.0), "名": ("persons", 1.0), "位": ("persons", 1.0),
    "人次": ("person_times", 1.0), "户": ("households", 1.0),
    # counted things
    "家": ("count", 1.0), "个": ("count", 1.0), "项": ("count", 1.0), "条": ("count", 1.0),
    "件": ("count", 1.0), "只": ("count", 1.0), "台": ("count", 1.0), "套": ("count", 1.0),
    "辆": ("count", 1.0), "艘": ("count", 1.0), "座": ("count", 1.0), "所": ("count", 1.0),
    "批": ("count", 1.0), "份": ("count", 1.0), "支": ("count", 1.0), "株": ("count", 1.0),
    "棵": ("count", 1.0), "间": ("count", 1.0), "栋": ("count", 1.0), "幢": ("count", 1.0),
    "处": ("count", 1.0), "块": ("count", 1.0), "场": ("count", 1.0), "场次": ("count", 1.0),
    "次": ("count", 1.0), "单": ("count", 1.0), "篇": ("count", 1.0), "张": ("count", 1.0),
    "部": ("count", 1.0), "种": ("count", 1.0), "类": ("count", 1.0), "班次": ("count", 1.0),
    "车次": ("count", 1.0), "架次": ("count", 1.0), "架": ("count", 1.0), "头": ("count", 1.0),
    "箱": ("count", 1.0), "标准箱": ("count", 1.0), "例": ("count", 1.0), "宗": ("count", 1.0),
    "起": ("count", 1.0), "根": ("count", 1.0), "盏": ("count", 1.0), "片": ("count", 1.0),
    "幅": ("count", 1.0), "册": ("count", 1.0), "本": ("count", 1.0), "双": ("count", 1.0),
    "对": ("count", 1.0), "组": ("count", 1.0), "队": ("count", 1.0), "届": ("count", 1.0),
    "期": ("count", 1.0), "轮": ("count", 1.0), "档": ("count", 1.0), "款": ("count", 1.0),
    "村": ("count", 1.0), "镇": ("count", 1.0), "床": ("count", 1.0), "门": ("count", 1.0),
    "城": ("count", 1.0),  # 98城入选: cities
    # area, length, volume, mass
    "亩": ("mu", 1.0), "平方米": ("m2", 1.0), "平方公里": ("m2", 1e6), "平方千米": ("m2", 1e6),
    "公顷": ("m2", 1e4), "米": ("m", 1.0), "公里": ("m", 1e3), "千米": ("m", 1e3),
    "立方米": ("m3", 1.0), "方": ("m3", 1.0), "吨": ("t", 1.0), "千克": ("t", 1e-3),
    "公斤": ("t", 1e-3), "斤": ("t", 5e-4), "克": ("t", 1e-6),
    # power and energy
    "千瓦时": ("kWh", 1.0), "度": ("kWh", 1.0), "兆瓦时": ("kWh", 1e3),
    "千瓦": ("kW", 1.0), "瓦": ("kW", 1e-3), "兆瓦": ("kW", 1e3), "吉瓦": ("kW", 1e6),
    "千伏": ("kV", 1.0), "伏": ("kV", 1e-3),
    # durations (quantities, but metrics.py does not table them)
    "年": ("year", 1.0), "个月": ("month", 1.0), "天": ("day", 1.0), "小时": ("hour", 1.0),
    "分钟": ("minute", 1.0), "秒": ("second", 1.0), "周": ("week", 1.0), "岁": ("age", 1.0),
    "周年": ("anniversary", 1.0),
}

# Magnitudes that may sit between the number and the unit (70万千瓦, 2.2亿元) or stand alone (超40万).
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "十万": 1e5,
    "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2,
}

# A Chinese numeral followed by a one-character unit is very often a word, not a figure (一批,
# 一起, 二期, 三条路径, 四方面, 一次温岭之行, 二十届, 一支队伍), so without a magnitude Chinese
# numerals only take these units: one-character numerals the first set, longer ones (十二个,
# 三十家, 十二项对策) the second. Arabic figures take every unit.
_CN_UNITS_SHORT = frozenset({"个", "家", "项", "名", "位", "人", "户"})
_CN_UNITS_LONG = _CN_UNITS_SHORT | frozenset({"条", "台", "件", "次", "种", "类", "座", "所", "只"})
_REDUPLICABLE = frozenset({"个", "家", "项", "条", "位", "名", "只", "件"})

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 1e4, "亿": 1e8}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

# --- patterns ------------------------------------------------------------------------------


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = r"[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_APPROX = r"(?:多|余|来)?"
_UNIT_RE = rf"(?:(?:{_alt(MAGNITUDES)})?{_APPROX}(?:{_alt(UNITS)})|(?:{_alt(MAGNITUDES)}))"

_QUANTITY = re.compile(
    rf"(?P<num>{_ARABIC}|{_CHINESE})(?P<approx>{_APPROX})(?P<unit>{_UNIT_RE})"
)
_MAG_PREFIX = re.compile(rf"^(?P<mag>{_alt(MAGNITUDES)})?(?:多|余|来)?(?P<base>.*)$")
_ORDINAL_AFTER = re.compile(r"(?:全会|全体会议|党代会|大会|会议|会)")
_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")
_RANGE_SEP = "—–-－~～至到"
_YEAR_FOLLOW = re.compile(r"年(?:度|代|级|初|底|末|中|春|夏|秋|冬|前|后|间|份|以来|起|开始)")


@dataclasses.dataclass(frozen=True)
class Quantity:
    value: float  # as printed (2.2 for 2.2亿元, 2 for 两万)
    unit: str  # as printed, magnitude included: 亿元, %, 万千瓦, 万
    start: int  # span in the text given to find_quantities (end exclusive)
    end: int
    value_normalized: float | None
    normalized_unit: str | None


# --- Chinese numerals ----------------------------------------------------------------------


def chinese_to_number(s: str) -> float | None:
    """'十二' → 12, '两万' → 20000, '一百零五' → 105, '三点五' → 3.5, '1.5万' → 15000,
    '二〇二四' → 2024; None if `s` is not a number."""
    s = s.strip().translate(_FULLWIDTH).replace(",", "")
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    # Arabic mantissa with a Chinese magnitude: 1.5万, 3亿
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(万亿|亿|万|千|百)", s)
    if m:
        return float(m.group(1)) * MAGNITUDES[m.group(2)]
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = chinese_to_number(whole) if whole else 0.0
        if w is None or not frac or any(ch not in _CN_DIGITS for ch in frac):
            return None
        return w + float("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    if any(ch not in _CN_DIGITS and ch not in _CN_SMALL and ch not in _CN_BIG for ch in s):
        return None
    # Digit-by-digit years and codes: 二〇二四
    if len(s) > 1 and all(ch in _CN_DIGITS for ch in s):
        return float("".join(str(_CN_DIGITS[ch]) for ch in s))
    return _positional(s)


def _positional(s: str) -> float | None:
    total, section, digit = 0.0, 0.0, None
    for ch in s:
        if ch in _CN_DIGITS:
            if digit not in (None, 0) and _CN_DIGITS[ch] != 0:
                return None  # 七八十, 十四五: approximations and names, not numbers
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        else:  # 万 / 亿 closes a section
            section += digit or 0
            if section == 0 and total == 0:
                return None  # a bare 万 is not a number
            if ch == "亿":
                total = (total + section) * 1e8
            else:
                total += section * 1e4
            section, digit = 0.0, None
    return total + section + (digit or 0)


# --- normalisation -------------------------------------------------------------------------


def normalize(value: float, unit: str) -> tuple[float | None, str | None]:
    """Value in a common unit: (2.2, '亿元') → (2.2e8, 'CNY'); (11.6, '%') → (0.116, 'ratio');
    (70, '万千瓦') → (7e5, 'kW'); (40, '万') → (4e5, 'number'); unknown unit → (None, None)."""
    unit = unit.strip()
    if unit in UNITS:
        norm, factor = UNITS[unit]
        return _clean(value * factor), norm
    m = _MAG_PREFIX.match(unit)
    if m and m.group("mag"):
        mag = MAGNITUDES[m.group("mag")]
        base = m.group("base")
        if not base:
            return _clean(value * mag), "number"
        if base in UNITS:
            norm, factor = UNITS[base]
            return _clean(value * mag * factor), norm
    return None, None


def _clean(x: float) -> float:
    """66.4 × 1e8 is 6640000000.000001 in binary floating point; 12 significant digits is
    more than any printed figure carries."""
    return float(f"{x:.12g}")


# --- finding -------------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in `text`, spans relative to `text`, left to right."""
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        q = _accept(text, m)
        if q is not None:
            out.append(q)
    for m in _PERCENT_WORDS.finditer(text):  # 百分之五: a percentage spelled out
        value = chinese_to_number(m.group(1))
        if value is not None:
            out.append(Quantity(value, "%", m.start(), m.end(), *normalize(value, "%")))
    return sorted(out, key=lambda q: q.start) if len(out) > 1 else out


def _accept(text: str, m: re.Match) -> Quantity | None:
    num, unit = m.group("num"), re.sub("[多余来]", "", m.group("unit"))
    is_arabic = num[0].isdigit()
    start, end = m.start(), m.end()
    if not is_arabic:
        num, unit = _split_chinese(num, unit)
        if num is None:
            return None
    value = chinese_to_number(num)
    if value is None:
        return None
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _is_code_or_ordinal(text, start, num, before):
        return None
    if _in_range(text, start, m.start("unit") if is_arabic else start + len(num), end):
        return None
    if not _unit_ok(text, num, unit, is_arabic, end, value, after):
        return None
    norm_value, norm_unit = normalize(value, unit)
    return Quantity(value, unit, start, end, norm_value, norm_unit)


def _split_chinese(num: str, unit: str) -> tuple[str | None, str]:
    """A Chinese numeral run swallows its magnitude (两万人 → 两万 + 人); give the trailing
    万/亿 back to the unit, as for Arabic figures (2万人), and reject runs with no digit."""
    for mag in ("万亿", "亿", "万"):
        if num.endswith(mag) and len(num) > len(mag):
            num, unit = num[: -len(mag)], mag + unit
            break
    if not any(ch in _CN_DIGITS or ch == "十" for ch in num):
        return None, unit  # 千项万亿, 万家 …: a bare magnitude is a word, not a number
    return num, unit


def _is_code_or_ordinal(text: str, start: int, num: str, before: str) -> bool:
    if before and (before in "第届+＋/／#＃№" or before.isascii() and before.isalpha()):
        return True  # 第34次, 六届五次, 2+2+4+4, BP850, G104, MT2024
    if before.isdigit():
        return True  # inside a longer code the pattern split
    nxt = text[start + len(num)] if start + len(num) < len(text) else ""
    if nxt in "+＋" or nxt.isascii() and nxt.isalpha():
        return True  # 4+1, 304L, 5G
    if num.startswith("0") and len(num) > 1 and not num.startswith("0."):
        return True  # phone numbers and zero-padded codes
    if len(num) >= 7 and num.isdigit():
        return True  # long digit runs are phone or id numbers
    return False


def _in_range(text: str, start: int, num_end: int, end: int) -> bool:
    """1—11月, 3至5年, 10-20万元: both ends of a range are skipped."""
    if start >= 2 and text[start - 1] in _RANGE_SEP and _is_num_char(text[start - 2]):
        return True
    if num_end < len(text) and text[num_end] in _RANGE_SEP and num_end + 1 < len(text) \
            and _is_num_char(text[num_end + 1]):
        return True
    return False


def _is_num_char(ch: str) -> bool:
    return ch.isdigit() or ch in _CN_DIGITS or ch in "十"


def _unit_ok(text: str, num: str, unit: str, is_arabic: bool, end: int, value: float, after: str) -> bool:
    base = _MAG_PREFIX.match(unit).group("base") or ""
    if not is_arabic and base == unit and len(base) == 1:
        if base not in (_CN_UNITS_SHORT if len(num) == 1 else _CN_UNITS_LONG):
            return False
    if base == "年":
        if 1900 <= value <= 2100 and "." not in num or _YEAR_FOLLOW.match(text, end - 1):
            return False  # 2024年 is a date, 80年代 an era, 2年级 a grade
    if base in _REDUPLICABLE and after == base:
        return False  # 一个个, 一项项: reduplication is an idiom
    if base == "次" and _ORDINAL_AFTER.match(text, end):
        return False  # 人大三次会议: the third session, not three times
    if not base and after and after in "级":
        return False  # 千亿级 / 百万级 describe a scale, not a figure
    return True
