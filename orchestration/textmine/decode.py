"""Raw issue bytes → normalised text.

The archive arrives in whatever encoding the newsroom's systems used. The order of decisions:

1. nothing but whitespace → rejected; a byte-order mark names the encoding (UTF-8, UTF-16,
   UTF-32) and the bytes must decode strictly under it;
2. known binary signatures (PDF, ZIP/Office, images …) → rejected as binary;
3. strict UTF-8 first: it is self-validating, while detectors guess wrong on short texts;
4. otherwise charset-normalizer (a detector library) picks among the encodings a Chinese
   newsroom uses — GB18030 (a superset of GBK/GB2312) and Big5 — or, when the bytes hold NULs,
   BOM-less UTF-16/32; the whole file must then decode strictly under its choice;
5. a multibyte character cut off at the very end (a truncated copy) is dropped and the issue is
   *flagged*, not rejected: the rest of the issue is intact and worth having; any other invalid
   byte rejects the file (a wrong guess must fail loudly, not produce mojibake);
6. decoded text that is mostly control or unassigned characters is binary after all.

Then line ends and Unicode form are normalised and the issue id is derived from the normalised
text, so the same issue under two names, or re-saved with other line endings, is one issue.
Traditional text is kept as printed and marked (`is_traditional`); see script.py.
"""
from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from .records import DecodedIssue
from .script import is_traditional


class UnreadableIssue(ValueError):
    """The file cannot be taken in as an issue; the message says why."""

    def __init__(self, source_file: str, reason: str) -> None:
        super().__init__(f"{source_file}: {reason}")
        self.source_file = source_file
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name recorded in marts.issues: utf-8, utf-8-sig, gb18030, big5, utf-16 …
    warning: str | None = None  # something was repaired (a truncated tail dropped)


# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
# What the detector may choose from (Python codec names → the name we record).
_MULTIBYTE_CANDIDATES = {"gb18030": "gb18030", "big5": "big5", "big5hkscs": "big5hkscs"}
_WIDE_CANDIDATES = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be"}
# Errors that mean "the data ended in the middle of a character".
_TRUNCATION = {"unexpected end of data", "incomplete multibyte sequence", "truncated data"}
# Above this share of control/unassigned/private-use characters the "text" is binary.
_MAX_GARBAGE_SHARE = 0.02


def decode_bytes(data: bytes, source_file: str) -> Decoded:
    """Decode an issue file's bytes, or raise UnreadableIssue with the reason."""
    if not data:
        raise UnreadableIssue(source_file, "empty file (0 bytes)")
    if not data.strip():
        raise UnreadableIssue(source_file, "whitespace only (no text)")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, codec, name, source_file), source_file)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableIssue(source_file, f"binary content ({kind}) — not a text file")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), source_file)
    except UnicodeDecodeError as err:
        if err.reason in _TRUNCATION and err.end == len(data):
            return _checked(_strict(data, "utf-8", "utf-8", source_file), source_file)
    wide = b"\x00" in data
    candidates = _WIDE_CANDIDATES if wide else _MULTIBYTE_CANDIDATES
    codec = _detect(data, candidates)
    if codec is None:
        if wide:
            raise UnreadableIssue(source_file, "binary content (NUL bytes, not UTF-16/32 text) — not a text file")
        raise UnreadableIssue(source_file, "not decodable as UTF-8, GB18030/GBK or Big5 (no encoding detected)")
    return _checked(_strict(data, codec, candidates[codec], source_file), source_file)


def _detect(data: bytes, candidates: dict[str, str]) -> str | None:
    """charset-normalizer's choice among `candidates`; retried without a cut-off last character."""
    for cut in range(4):  # a truncated tail can make every candidate fail: drop up to 3 bytes
        if cut >= len(data):
            break
        best = from_bytes(data[: len(data) - cut], cp_isolation=list(candidates)).best()
        codec = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else None
        if codec in candidates:
            return codec
    return None


def _strict(data: bytes, codec: str, name: str, source_file: str) -> Decoded:
    """Decode strictly; only an incomplete character at the very end is dropped (and flagged)."""
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError as err:
        if err.reason not in _TRUNCATION or err.end != len(data):
            raise UnreadableIssue(source_file, f"invalid {name} at byte {err.start} ({err.reason})") from err
        dropped = len(data) - err.start
        try:
            text = data[: err.start].decode(codec)
        except UnicodeDecodeError as inner:
            raise UnreadableIssue(source_file, f"invalid {name} at byte {inner.start} ({inner.reason})") from inner
        warning = (f"truncated: the file ends in the middle of a {name} character; "
                   f"the last {dropped} byte{'s' if dropped > 1 else ''} were dropped")
        return Decoded(text, name, warning)


def _checked(decoded: Decoded, source_file: str) -> Decoded:
    """Reject 'text' that is mostly control, private-use or unassigned characters."""
    sample = decoded.text[:200_000]
    garbage = sum(
        1 for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f\v") or ch == "\ufffd"
    )
    if sample and garbage / len(sample) > _MAX_GARBAGE_SHARE:
        raise UnreadableIssue(
            source_file, f"binary content ({garbage} control/unassigned characters in {len(sample)}) — not a text file"
        )
    return decoded


def normalise_text(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces; keeps full-width punctuation as printed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def issue_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode_issue(data: bytes, source_file: str) -> DecodedIssue:
    decoded = decode_bytes(data, source_file)
    text = normalise_text(decoded.text)
    if not text.strip():
        raise UnreadableIssue(source_file, "whitespace only (no text)")
    return DecodedIssue(
        source_file=source_file,
        issue_id=issue_id_for(text),
        encoding=decoded.encoding,
        text=text,
        n_bytes=len(data),
        is_traditional=is_traditional(text),
        warning=decoded.warning,
    )
