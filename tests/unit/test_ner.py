"""`wenling ner`: the CRF tagger shipped in orchestration/textmine/ner/models/, on CLUENER sentences
it never saw in training (the held-out fold, md5(text) % 5 == 0; see ner/train.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from orchestration.textmine import ner
from orchestration.textmine.ner import crf, features as nf, train as ner_train
from tests.conftest import SHARED

CLUENER = SHARED / "benchmarks" / "cluener" / "train.json"
needs_cluener = pytest.mark.skipif(not CLUENER.exists(), reason=f"no CLUENER data at {CLUENER}")

# Held-out sentences (fold 0 of CLUENER's training split) and entities the tagger must find.
HELD_OUT = [
    ("全国人大副委员长蒋正华指出，2010年，我国粗钢总产量达到6.3亿吨，钢材的总产量接近8亿吨，",
     [("government", "全国人大"), ("position", "副委员长"), ("name", "蒋正华")]),
    ("上海银监局局长阎庆民在接受本报记者专访时表示",
     [("government", "上海银监局"), ("position", "局长"), ("name", "阎庆民")]),
    ("天津粤唯鲜集团董事长张连志为天津味道又增添了一个新景观，别人无法克隆的“中国古瓷博物馆”———“",
     [("company", "天津粤唯鲜集团"), ("position", "董事长"), ("name", "张连志")]),
    ("鲁尼打进制胜球，士气高涨；而桑德兰近期两连败，近5轮4败。威廉主胜赔低至1.14，对曼联非常看好。",
     [("name", "鲁尼"), ("organization", "曼联")]),
]


def spans(labels: dict) -> set[tuple[str, int, int]]:
    return {(typ, s, e) for typ, surfaces in labels.items() for positions in surfaces.values() for s, e in positions}


@pytest.fixture(scope="module")
def heldout_rows() -> list[dict]:
    if not CLUENER.exists():
        pytest.skip(f"no CLUENER data at {CLUENER}")
    rows = ner_train.read_rows(CLUENER)
    return [r for r in rows if ner_train.fold_of(r["text"]) == ner_train.HELDOUT_FOLD]


def test_model_loads():
    tagger = ner.tagger()
    assert tagger.labels[0] == "O"
    assert {lab[2:] for lab in tagger.labels[1:]} >= set(ner.TYPES)
    assert ner.MODEL_PATH.stat().st_size < 10_000_000


@pytest.mark.parametrize("text,expected", HELD_OUT)
def test_finds_entities_in_held_out_sentences(text, expected):
    assert ner_train.fold_of(text) == ner_train.HELDOUT_FOLD  # never trained on
    labels = ner.tag_text(text)
    for typ, surface in expected:
        assert surface in labels.get(typ, {}), (typ, surface, labels)


def test_output_is_cluener_format():
    texts = [t for t, _ in HELD_OUT] + ["", "   ", "abc", "\u3000北京\n上海"]
    for text, (same, labels) in zip(texts, ner.tag_texts(texts)):
        assert same == text
        assert set(labels) <= set(ner.TYPES)
        for surfaces in labels.values():
            for surface, positions in surfaces.items():
                assert positions
                for start, end in positions:
                    assert isinstance(start, int) and isinstance(end, int)
                    assert 0 <= start <= end < len(text)
                    assert text[start:end + 1] == surface  # end inclusive
        assert labels == ner.tag_text(text)  # a batch tags as single texts do


@needs_cluener
def test_micro_f1_on_held_out_lines(heldout_rows):
    rows = heldout_rows[:300]
    f1, per = ner_train.micro_f1(rows, lambda text: spans(ner.tag_text(text)))
    assert f1 >= 0.70, per  # 0.721 with the shipped model


@needs_cluener
def test_micro_f1_on_the_whole_held_out_fold(heldout_rows):
    # Speed is measured by ../shared/eval/ner_score.py and `make bench`, not here.
    texts = [r["text"] for r in heldout_rows]
    tagged = dict(ner.tag_texts(texts))
    f1, per = ner_train.micro_f1(heldout_rows, lambda text: spans(tagged[text]))
    assert f1 >= 0.72, per  # 0.731 with the shipped model (`make train-ner` prints it)


def test_fast_feature_rows_match_the_training_features():
    tagger = ner.tagger()
    texts = [t for t, _ in HELD_OUT] + ["ＡＢＣ１２３ abc 123，《星际争霸2》EA今日确认。", "x", "<s1>北京</s1>",
                                        "😀招商银行\ud83d", "中\t国\n人", " "]
    rows = tagger.feature_rows(texts)
    templates = (list(crf._CHAR_TEMPLATES) + list(crf._CLUSTER_TEMPLATES) + list(crf._BIGRAM_TEMPLATES)
                 + ["wpc", "t", "wp", "wpn", "s", "w", "g"])
    expected = []
    for text in texts:
        columns = dict(nf.feature_columns(text))
        expected.append([[tagger._index.get(t, {}).get(v, 0) for v in columns[t]] for t in templates])
    assert sorted(templates) == sorted(dict(nf.feature_columns("x")))
    assert np.array_equal(rows, np.concatenate([np.array(e) for e in expected], axis=1))


@needs_cluener
def test_numpy_viterbi_agrees_with_crfsuite(tmp_path, heldout_rows):
    import pycrfsuite

    train_rows = [r for r in ner_train.read_rows(CLUENER) if ner_train.fold_of(r["text"]) == 1][:300]
    model = tmp_path / "tiny.crfsuite"
    ner_train.train(train_rows, model, params={"max_iterations": 30})
    ner_train.export_model(model, tmp_path / "tiny.npz", {"feature_version": nf.FEATURE_VERSION})
    reference = pycrfsuite.Tagger()
    reference.open(str(model))
    texts = [r["text"] for r in heldout_rows[:200]]
    ours = ner.CrfTagger(tmp_path / "tiny.npz").tag_batch(texts)
    same = sum(reference.tag(nf.sentence_features(t)) == tags for t, tags in zip(texts, ours))
    # Ours never emits an ill-formed BIOES sequence; crfsuite may, rarely.
    assert same >= 0.97 * len(texts)


def test_segmentation_keeps_words_and_latin_runs():
    assert nf.segment("浙商银行企业信贷部") == ["浙", "商", "银行", "企业", "信贷", "部"]
    assert nf.segment("CSOL生化狂潮2003") == ["CSOL", "生化", "狂潮", "2003"]
    assert "".join(nf.segment("温岭市人民政府")) == "温岭市人民政府"


def test_bioes_round_trip():
    spans_in = [("name", 0, 2), ("company", 4, 4), ("address", 6, 9)]
    tags = nf.spans_to_tags(10, spans_in)
    assert tags == ["B-name", "I-name", "E-name", "O", "S-company", "O", "B-address", "I-address", "I-address",
                    "E-address"]
    assert nf.tags_to_spans(tags) == spans_in


def test_wenling_ner_subprocess_writes_one_json_line_per_input():
    lines = [{"text": t} for t, _ in HELD_OUT[:3]]
    assert len(lines) == 3
    feed = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    wenling = Path(sys.executable).with_name("wenling")
    command = [str(wenling), "ner"] if wenling.exists() else [sys.executable, "-m", "orchestration.cli", "ner"]
    proc = subprocess.run(command, input=feed, capture_output=True,
                          text=True, encoding="utf-8", env=env, check=True, timeout=120)
    out = proc.stdout.splitlines()
    assert len(out) == 3
    for line, sent in zip(out, lines):
        row = json.loads(line)
        assert set(row) == {"text", "label"}
        assert row["text"] == sent["text"]
        assert row["label"] == ner.tag_text(sent["text"])
