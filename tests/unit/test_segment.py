"""The segmentation engine (rjieba) against the reference (jieba), same user dictionary."""
from __future__ import annotations

import difflib
from pathlib import Path

import jieba
import pytest

from orchestration.textmine.lexicons import USER_DICT, UserDictEntry, read_user_dict
from orchestration.textmine.segment import Segmenter

RAW = Path(__file__).resolve().parents[2] / "raw"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> jieba.Tokenizer:
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path_factory.mktemp("jieba-cache"))
    tokenizer.load_userdict(str(USER_DICT))
    return tokenizer


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def test_both_engines_cut_the_seed_issues_alike(reference: jieba.Tokenizer, segmenter: Segmenter) -> None:
    same = total = 0
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ours, theirs = segmenter.cut(text), list(reference.cut(text))
        assert "".join(ours) == text  # nothing lost or added
        matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
        same += sum(block.size for block in matcher.get_matching_blocks())
        total += len(theirs)
    assert total > 10_000
    assert same / total >= 0.99


def test_user_dictionary_words_stay_whole(segmenter: Segmenter, reference: jieba.Tokenizer) -> None:
    words = [e.word for e in read_user_dict(USER_DICT) if len(e.word) >= 4][:50]
    assert words
    for word in words:
        sentence = f"今年以来{word}发展迅速"
        assert word in segmenter.cut(sentence), word
        assert word in list(reference.cut(sentence)), word


def test_user_dictionary_lines_parse_with_and_without_freq_and_tag(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_text("# comment\n泵与电机 700 nz\n渔光互补\n智能马桶 nz\n\n", encoding="utf-8")
    assert read_user_dict(path) == (UserDictEntry("泵与电机", 700, "nz"), UserDictEntry("渔光互补", None, None),
                                    UserDictEntry("智能马桶", None, "nz"))
    assert "渔光互补" in Segmenter(path).cut("松门渔光互补电站")


def test_tokens_carry_character_spans(segmenter: Segmenter) -> None:
    from orchestration.textmine.records import Article

    body = "温岭市泵业产值达到100亿元"
    article = Article(article_id="a-1", issue_id="i", seq=1, title="t", kind="news", reporters=(), body=body)
    tokens = segmenter.tokenize(article)
    assert all(body[t.start_char:t.end_char] == t.token for t in tokens)
    assert "".join(t.token for t in tokens) == body
