"""What a newsroom archive throws at the decoder, each case a real file written by the test.

Encodings are detected (strict UTF-8 first, then charset-normalizer among GB18030/Big5, or
UTF-16/32 when the bytes hold NULs); a truncated last character is dropped and flagged; empty,
whitespace-only and binary files are rejected with a reason that says which.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from opencc_purepy import OpenCC

from orchestration.textmine.decode import UnreadableIssue, decode_issue
from tests.conftest import read_seed, seed_files

SEED = read_seed(seed_files()[0].name)
SHORT = "本报讯（记者赵碧莹）近日，省经信厅公布了名单。\n全省共有18个集群入选。\n"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _decode(path: Path):
    return decode_issue(path.read_bytes(), path.name)


@pytest.mark.parametrize(
    "encode, recorded",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),  # GBK ⊂ GB18030: decoded (and recorded) as the superset
        (lambda t: t.encode("utf-16"), "utf-16"),  # with BOM, the platform's byte order
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM: the detector finds it
        (lambda t: t.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "utf32"],
)
@pytest.mark.parametrize("text", [SEED, SHORT], ids=["issue", "short"])
def test_encodings_are_detected_and_give_the_same_issue(tmp_path, encode, recorded, text) -> None:
    issue = _decode(_file(tmp_path, "x.txt", encode(text)))
    assert issue.encoding == recorded
    assert issue.text == decode_issue(text.encode("utf-8"), "ref.txt").text
    assert issue.issue_id == decode_issue(text.encode("utf-8"), "ref.txt").issue_id
    assert issue.warning is None and not issue.is_traditional


def test_big5_traditional_is_kept_as_printed_and_marked(tmp_path) -> None:
    traditional = OpenCC("s2tw").convert(SEED)
    issue = _decode(_file(tmp_path, "big5.txt", traditional.encode("big5")))
    assert issue.encoding == "big5"
    assert issue.is_traditional
    assert "溫嶺" in issue.text and "温岭" not in issue.text  # the original characters, not converted


def test_line_endings_do_not_change_the_issue(tmp_path) -> None:
    lf = _decode(_file(tmp_path, "lf.txt", SEED.encode("utf-8")))
    crlf = _decode(_file(tmp_path, "crlf.txt", SEED.replace("\n", "\r\n").encode("utf-8")))
    old_mac = _decode(_file(tmp_path, "cr.txt", SEED.replace("\n", "\r").encode("gb18030")))
    assert crlf.text == old_mac.text == lf.text
    assert "\r" not in crlf.text
    assert crlf.issue_id == old_mac.issue_id == lf.issue_id


@pytest.mark.parametrize(
    "name, data, dropped",
    [
        ("utf8.txt", SEED.encode("utf-8") + "温".encode("utf-8")[:2], 2),
        ("gb.txt", SEED.encode("gb18030") + "温".encode("gb18030")[:1], 1),
        ("utf16.txt", SEED.encode("utf-16") + b"\x29", 1),
    ],
)
def test_a_truncated_last_character_is_dropped_and_flagged(tmp_path, name, data, dropped) -> None:
    issue = _decode(_file(tmp_path, name, data))
    assert issue.text == decode_issue(SEED.encode("utf-8"), "ref.txt").text
    assert issue.warning and "truncated" in issue.warning and f"last {dropped} byte" in issue.warning


def test_an_invalid_byte_inside_the_text_rejects_the_file(tmp_path) -> None:
    data = SEED.encode("utf-8")
    broken = data[:200] + b"\xff\xfe\xfd" + data[200:]
    with pytest.raises(UnreadableIssue) as err:
        _decode(_file(tmp_path, "broken.txt", codecs.BOM_UTF8 + broken))
    assert "invalid utf-8-sig at byte" in err.value.reason


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\r\n\t \n", "whitespace only"),
        ("ideographic-blank.txt", "\u3000\u3000\n \n".encode("utf-8"), "whitespace only"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\r\n", "whitespace only"),
        ("nul.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        ("control.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100, "binary"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, data, reason) -> None:
    with pytest.raises(UnreadableIssue) as err:
        _decode(_file(tmp_path, name, data))
    assert err.value.source_file == name
    assert reason in err.value.reason
    assert name in str(err.value)


def test_random_bytes_are_rejected_not_decoded_as_mojibake(tmp_path) -> None:
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(20_000))  # no NULs: the detector must say no
    with pytest.raises(UnreadableIssue) as err:
        _decode(_file(tmp_path, "noise.txt", noise))
    assert "binary" in err.value.reason or "not decodable" in err.value.reason


def test_mixed_punctuation_and_stripped_quotes_are_kept_as_printed(tmp_path) -> None:
    mixed = SEED.replace("，", ",", 5).replace("（", "(", 3).replace("）", ")", 3).replace("“", " ").replace("”", " ")
    issue = _decode(_file(tmp_path, "mixed.txt", mixed.encode("utf-8")))
    assert "," in issue.text and "，" in issue.text and "“" not in issue.text
