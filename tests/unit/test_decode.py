import codecs

import pytest

from orchestration.textmine.decode import UnreadableIssue, decode_issue

TEXT = "本报讯（记者赵碧莹）近日，省经信厅公布了名单。\n全省共有18个集群入选。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_common_encodings_decode_to_the_same_issue(data: bytes, encoding: str) -> None:
    issue = decode_issue(data, "x.txt")
    assert issue.encoding == encoding
    assert issue.text == TEXT
    assert issue.issue_id == decode_issue(TEXT.encode("utf-8"), "other-name.txt").issue_id


def test_line_endings_do_not_change_the_issue() -> None:
    crlf = decode_issue(TEXT.replace("\n", "\r\n").encode("utf-8"), "a.txt")
    old_mac = decode_issue(TEXT.replace("\n", "\r").encode("utf-8"), "b.txt")
    assert crlf.text == old_mac.text == TEXT
    assert crlf.issue_id == old_mac.issue_id


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\r\n\t ", "whitespace"), (b"\x00\x01\x02binary\x00" * 10, "binary")],
)
def test_unreadable_files_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableIssue) as err:
        decode_issue(data, "bad.txt")
    assert err.value.source_file == "bad.txt"
    assert reason in err.value.reason
    assert "bad.txt" in str(err.value)


def test_seed_issue_decodes(tmp_path) -> None:
    from tests.conftest import seed_files

    for path in seed_files():
        issue = decode_issue(path.read_bytes(), path.name)
        assert issue.encoding == "utf-8"
        assert len(issue.issue_id) == 16
        assert "\r" not in issue.text
