"""A project's status from the words that report on it, and the status of a batch.

The statuses, least to most advanced: 计划, 启动, 签约, 开工, 在建, 封顶, 竣工, 建成, 投产, 并网;
the most advanced current one wins. A trigger that states a plan or forecast (预计…投产, 建成后)
only counts as 计划 when nothing current is said.

A batch ('27个项目集中开工', '重大项目签约仪式', '19个签约项目') states one status for all its
members: a project of the batch's article that reports no status of its own takes it.
"""
from __future__ import annotations

import re

STATUS_ORDER = ("计划", "启动", "签约", "开工", "在建", "封顶", "竣工", "建成", "投产", "并网")
_STATUS_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("并网", re.compile(r"并网")),
    ("投产", re.compile(r"试投产|投产|达产")),
    ("建成", re.compile(r"建成|投运|投用|投入使用|投入运行|投入运营|开业|开园|落成|运营|启用|交付")),
    ("竣工", re.compile(r"竣工|完工|通车|验收")),
    ("封顶", re.compile(r"封顶|结顶")),
    ("在建", re.compile(r"在建|建设中|正在建设|建设正酣|加快建设|施工|建设现场|推进[^。；]{0,25}?建设|开足马力")),
    ("开工", re.compile(r"开工|动工|开建|破土|奠基|启动建设")),
    ("签约", re.compile(r"签约|签订|签署|落户|落地|入驻")),
    ("启动", re.compile(r"启动(?!建设)")),
    ("计划", re.compile(r"计划(?!总投资|投资)|拟|谋划|规划|筹建|前期")),
)
# A trigger after these words is a plan or a forecast, not the state of the project.
_FUTURE = re.compile(r"(?:预计|有望|计划|拟|将|力争|争取|即将|准备|确保|按照|年底前|年内)[^，。；已]{0,16}$")
# … or when a goal follows it: 2025年完成总体验收的目标.
_FUTURE_AFTER = re.compile(r"后|[^，。；]{0,4}目标")

# A batch of projects and the status it reports: 集中开工, 开工仪式, 10个签约项目, 项目集中签约.
_BATCH_WORD = r"(开竣工|开工|签约|竣工|投产|奠基)"
_BATCH_STATUS = (
    re.compile(rf"集中{_BATCH_WORD}"),
    re.compile(rf"{_BATCH_WORD}(?:仪式|活动|大会)"),
    re.compile(rf"[0-9一二三四五六七八九十两百千]+(?:多|余)?个(?:重大|重点|产业)?{_BATCH_WORD}项目"),
    re.compile(rf"{_BATCH_WORD}项目[0-9一二三四五六七八九十两百千]+(?:多|余)?个"),
    re.compile(rf"[0-9一二三四五六七八九十两百千]+(?:多|余)?个[^，。；,;]{{0,8}}?项目(?:现场|集中|同时)*{_BATCH_WORD}"),
)
_BATCH_MAP = {"奠基": "开工"}


def later(a: str | None, b: str | None) -> str | None:
    """The more advanced of two statuses (None counts as nothing)."""
    if a is None or b is None:
        return a or b
    return b if STATUS_ORDER.index(b) > STATUS_ORDER.index(a) else a


def status_in(text: str) -> tuple[str | None, bool]:
    """(most advanced current status, whether only future ones were found)."""
    best, future = None, False
    for status, pattern in _STATUS_TRIGGERS:
        for m in pattern.finditer(text):
            if _FUTURE.search(text[max(0, m.start() - 20):m.start()]) or _FUTURE_AFTER.match(text, m.end()):
                future = True
                continue
            best = later(best, status)
    return best, future and best is None


def status_of(texts: list[str], title: str | None) -> str | None:
    """The status a project's report states, else the title's when it reports on this one
    project, else 计划 when only plans were found."""
    best, planned = None, False
    for text in texts:
        status, only_future = status_in(text)
        planned = planned or only_future
        best = later(best, status)
    if best is None and title:
        best, _ = status_in(title)  # a report about this one project: 滩涂光伏电站建设正酣
    return best or ("计划" if planned else None)


def batch_status(text: str) -> str | None:
    """The one status the batches in `text` report (None when none, or when they differ:
    集中开竣工, or a signing and a groundbreaking in one report)."""
    found = set()
    for pattern in _BATCH_STATUS:
        for m in pattern.finditer(text):
            if _FUTURE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            found.add(_BATCH_MAP.get(m.group(1), m.group(1)))
    return found.pop() if len(found) == 1 and "开竣工" not in found else None
