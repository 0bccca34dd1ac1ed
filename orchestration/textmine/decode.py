"""Raw issue bytes → normalised text.

The archive arrives in whatever encoding the newsroom's systems used. We decode strictly (a
wrong guess must fail loudly, not produce mojibake), normalise line ends and Unicode form, and
derive the issue id from the normalised text, so the same issue under two file names, or
re-saved with other line endings, is one issue.
"""
from __future__ import annotations

import codecs
import hashlib
import unicodedata

from .records import DecodedIssue


class UnreadableIssue(ValueError):
    """The file cannot be taken in as an issue; the message says why."""

    def __init__(self, source_file: str, reason: str) -> None:
        super().__init__(f"{source_file}: {reason}")
        self.source_file = source_file
        self.reason = reason


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order when there is no BOM. gb18030 is a superset of GBK/GB2312; big5 comes last
# because random GB bytes often also decode as Big5.
_FALLBACKS = ("utf-8", "gb18030", "big5")


def decode_bytes(data: bytes, source_file: str) -> tuple[str, str]:
    """Return (text, encoding) or raise UnreadableIssue."""
    if not data.strip():
        raise UnreadableIssue(source_file, "empty file (no text)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source_file), encoding
    if b"\x00" in data[:4096]:
        raise UnreadableIssue(source_file, "binary content (NUL bytes) — not a text file")
    for encoding in _FALLBACKS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableIssue(source_file, "not decodable as UTF-8, GB18030 or Big5")


def _strict(data: bytes, encoding: str, source_file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UnreadableIssue(source_file, f"invalid {encoding} at byte {err.start}") from err


def normalise_text(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces; keeps full-width punctuation as printed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def issue_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode_issue(data: bytes, source_file: str) -> DecodedIssue:
    text, encoding = decode_bytes(data, source_file)
    text = normalise_text(text)
    if not text.strip():
        raise UnreadableIssue(source_file, "whitespace only (no text)")
    return DecodedIssue(
        source_file=source_file,
        issue_id=issue_id_for(text),
        encoding=encoding,
        text=text,
        n_bytes=len(data),
        is_traditional=False,
    )
