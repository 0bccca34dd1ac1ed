"""What is in raw/: the issue files (with a cheap change fingerprint) and what is ignored, and why.

Shared by the sensor and `wenling run` (no Dagster here). An issue file is a plain `*.txt`
file directly under raw/ (any case: .TXT too). Everything else is ignored and said so in the
log: other extensions, folders, hidden files (editors' and copy tools' temporaries start with a
dot), and names Dagster cannot take as a partition key ('...' or control characters).
"""
from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

ISSUE_SUFFIX = ".txt"
# Dagster refuses these in a partition key (dagster/_core/definitions/partitions/utils/base.py).
_BAD_KEY_PARTS = ("...", "\a", "\b", "\f", "\n", "\r", "\t", "\v", "\0")


@dataclasses.dataclass(frozen=True)
class RawScan:
    issues: dict[str, str]  # file name → fingerprint
    ignored: dict[str, str]  # file name → why it is not an issue


def fingerprint(path: Path) -> str:
    """Size and mtime: cheap, and changes whenever a file is replaced or edited in place."""
    return fingerprint_of(path.stat())


def fingerprint_of(stat: os.stat_result) -> str:
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def changed_files(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    """Files of `current` (name → fingerprint) that are new or differ from `previous`."""
    return [name for name, fp in current.items() if previous.get(name) != fp]


def _why_ignored(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden file"
    if not path.is_file():
        return "not a plain file" if not path.is_dir() else "a folder (raw/ is not searched recursively)"
    if path.suffix.lower() != ISSUE_SUFFIX:
        return f"not a {ISSUE_SUFFIX} file"
    if any(part in path.name for part in _BAD_KEY_PARTS):
        return "the name holds '...' or a control character, which Dagster refuses in a partition key: rename it"
    return None


def scan(raw_dir: Path) -> RawScan:
    """Issue files directly under raw_dir, sorted by name, and the ignored entries."""
    issues: dict[str, str] = {}
    ignored: dict[str, str] = {}
    if not raw_dir.is_dir():
        return RawScan(issues, ignored)
    for path in sorted(raw_dir.iterdir()):
        try:
            why = _why_ignored(path)
            if why is None:
                issues[path.name] = fingerprint(path)
            else:
                ignored[path.name] = why
        except FileNotFoundError:  # removed while we looked
            continue
    return RawScan(issues, ignored)


def log_ignored(logger: logging.Logger | logging.LoggerAdapter, raw_dir: Path, ignored: dict[str, str]) -> None:
    if ignored:
        listing = "; ".join(f"{name!r} ({why})" for name, why in sorted(ignored.items()))
        what = "1 entry that is not an issue file" if len(ignored) == 1 else f"{len(ignored)} entries that are not issue files"
        logger.warning(f"{raw_dir}: ignoring {what}: {listing}")
