"""Traditional issues: read through a same-length simplified view, facts point into the text as printed."""
from __future__ import annotations

from opencc_purepy import OpenCC

from orchestration.textmine.decode import decode_issue
from orchestration.textmine.extract import extract_issue
from orchestration.textmine.layout import split_articles
from orchestration.textmine.script import is_traditional, to_simplified
from tests.conftest import read_seed, seed_files

SEED = read_seed(seed_files()[0].name)


def test_the_simplified_view_has_the_same_length_position_for_position() -> None:
    traditional = "溫嶺市經信局公佈了2024年產業集群名單。\n乾隆年間，這裡已有漁業。\n"
    view = to_simplified(traditional)
    assert view == "温岭市经信局公布了2024年产业集群名单。\n乾隆年间，这里已有渔业。\n"
    assert len(view) == len(traditional)


def test_simplified_text_is_left_as_it_is() -> None:
    # (a stray traditional form in a simplified issue, 著 or 乾, may be simplified: no harm)
    assert sum(a != b for a, b in zip(to_simplified(SEED), SEED)) <= 3
    assert not is_traditional(SEED)
    assert is_traditional(OpenCC("s2t").convert(SEED))


def test_traditional_issue_gives_the_facts_of_the_simplified_one_with_spans_into_the_original(tmp_path) -> None:
    traditional = OpenCC("s2tw").convert(SEED)
    path = tmp_path / "繁體版.txt"
    path.write_bytes(traditional.encode("big5"))
    trad = decode_issue(path.read_bytes(), path.name)
    simp = decode_issue(SEED.encode("utf-8"), "simplified.txt")
    assert trad.is_traditional and trad.encoding == "big5"

    trad_articles = split_articles(trad.issue_id, trad.text)
    simp_articles = split_articles(simp.issue_id, simp.text)
    assert len(trad_articles) == len(simp_articles)
    assert all("溫嶺" not in a.body or "温岭" not in a.body for a in trad_articles)  # bodies as printed

    trad_facts = extract_issue(trad.issue_id, path.name, trad.text, trad_articles, traditional=trad.is_traditional)
    simp_facts = extract_issue(simp.issue_id, "simplified.txt", simp.text, simp_articles)

    def keys(mentions):
        return {(m.article_id.split("-")[-1], m.entity_type, m.canonical_name, m.start_char, m.end_char) for m in mentions}

    assert keys(trad_facts.mentions) == keys(simp_facts.mentions)
    assert len(trad_facts.metrics) == len(simp_facts.metrics) > 0
    assert trad_facts.publication.publication_date == simp_facts.publication.publication_date

    bodies = {a.article_id: a.body for a in trad_articles}
    for m in trad_facts.mentions:  # surfaces and sentences as printed (traditional)
        assert bodies[m.article_id][m.start_char:m.end_char] == m.surface
        assert m.sentence in bodies[m.article_id]
    for metric in trad_facts.metrics:
        assert metric.evidence in bodies[metric.article_id]
        assert bodies[metric.article_id][metric.start_char:metric.end_char] in metric.evidence
    # canonical names are simplified, so the same company resolves to one name across issues
    assert any(m.surface != m.canonical_name and to_simplified(m.surface) == m.canonical_name for m in trad_facts.mentions)
