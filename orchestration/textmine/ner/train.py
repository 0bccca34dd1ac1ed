"""Train the CRF entity tagger of `wenling ner` on CLUENER2020's training split, minus a held-out fold.

    python -m orchestration.textmine.ner.train \\
        --data ../shared/benchmarks/cluener/train.json \\
        --out orchestration/textmine/ner/models/ner_crf.crfsuite \\
        [--heldout-out data/ner_heldout.json] [--eval]          (or: make train-ner)

The split is deterministic: a line belongs to fold `int(md5(text as UTF-8).hexdigest()[:8], 16) % 5`;
fold 0 (2,173 of the 10,748 lines) is held out and never trained on, nor used to build the
clusters or the gazetteer; folds 1-4 train. `--heldout-out` writes the held-out lines (CLUENER
format) for `ner_score.py --data`; `--eval` prints the held-out P/R/F1 after training.

It writes, from the training folds only:
- `lexicon/ner_char_clusters.tsv`: character clusters (`build_char_clusters`);
- `lexicon/ner_gazetteer.tsv`: every annotated surface and its type (`write_gazetteer`);
- `--out`: the python-crfsuite model (L-BFGS, L1+L2; git-ignored, an intermediate), and
  beside it the `.npz` export that `crf.py` tags with (`export_model`; it ships).

The CRF tags BIOES over all ten CLUENER types; `crf.py` drops the four the warehouse does not
use (game, book, movie, scene). On the development fold that was a little better than
training on the six alone, and it keeps a game from being called a company.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import math
import sys
import time
from pathlib import Path

from . import features as nf

SCORED_TYPES = ("company", "organization", "government", "name", "address", "position")
HELDOUT_FOLD = 0
N_FOLDS = 5
JACKKNIFE = 4
# Chosen on a development fold (fold 1, trained on folds 2-4): L1 0.01 + L2 0.2 gave micro F1
# 0.733 there, against 0.724-0.731 for (0.1, 0.05), (0.05, 0.05), (0.03, 0.1), (0.03, 0.3);
# exporting only weights of at least 0.05 kept 0.732 with 40 % fewer attributes (faster to load
# and to tag). 200 L-BFGS iterations did as well as 300.
# Tried and left out (same dev fold, folds 2-4 training): jieba's part-of-speech tag of each
# word, jieba's person/place/organisation names as dictionary marks, and the type and distance
# of the next entity ending ahead (公司, 委员会, 路, 经理, ...) gave 0.729 together, 0.730 and
# 0.727 in part, against 0.731 without them (commit 078f3c3, reverted).
# Tried and left out again (fold 1, folds 2-4 training, crfsuite's tagger; commit c99ab82,
# reverted): this configuration scores 0.7340 there. Adding (a) a dictionary lattice: every
# jieba-dictionary word of 2-8 characters matching the text, not one segmentation, as POS
# group + length of the longest word beginning and ending at each character and the POS of the
# longest word covering it, (b) the type + length of the longest gazetteer match beginning and
# ending at each character, overlapping or not, and (c) character clusters at k = 32 and 512
# beside 128 and the cluster bigram, gave 0.7341 all three, 0.7317 (a)+(b); they cost ~0.5 s
# of loading and scanning per process. Repairing a span's type by its suffix (…公司 → company;
# …政府/局/厅/委员会/法院/检察院 → government) over this model's dev output: 0.7338 (its type
# confusions are few and scattered; most errors are boundaries).
DEFAULTS = {"c1": 0.01, "c2": 0.2, "max_iterations": 200, "minfreq": 1, "min_weight": 0.05}


def fold_of(text: str) -> int:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:8], 16) % N_FOLDS


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(row: dict, types: tuple[str, ...] | None = None) -> set[tuple[str, int, int]]:
    out = set()
    for typ, surfaces in (row.get("label") or {}).items():
        if types is not None and typ not in types:
            continue
        for positions in surfaces.values():
            for start, end in positions:
                out.add((typ, int(start), int(end)))
    return out


def build_char_clusters(texts: list[str], out: Path, *, dims: int = 100, ks: tuple[int, ...] = (128,)) -> None:
    """Character classes for `features`: embeddings from the positive PMI of left/right
    neighbour counts (over `texts` and the words of jieba's dictionary, weighted by log
    frequency), reduced by a randomised SVD, clustered by spherical k-means (one column of ids for each k in `ks`).
    Deterministic (fixed seeds)."""
    import collections

    import jieba
    import numpy as np

    words = []
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) > 1:
                words.append((parts[0], math.log1p(int(parts[1]))))
    counts = collections.Counter()
    for t in texts:
        counts.update(t)
    for w, _ in words:
        counts.update(w)
    vocab = sorted(c for c, k in counts.items() if k >= 3 and not c.isspace())
    index = {c: i for i, c in enumerate(vocab)}
    v = len(vocab)
    cooc = np.zeros((v, 2 * v))  # [char, left neighbour] | [char, v + right neighbour]

    def add(seq: str, weight: float) -> None:
        ids = [index.get(c) for c in seq]
        for a, b in zip(ids, ids[1:]):
            if a is not None and b is not None:
                cooc[b, a] += weight
                cooc[a, v + b] += weight

    for t in texts:
        add(t, 1.0)
    for w, weight in words:
        add(w, weight)
    total = cooc.sum()
    p_row = cooc.sum(1, keepdims=True) / total
    p_ctx = cooc.sum(0, keepdims=True) ** 0.75
    p_ctx /= p_ctx.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((cooc / total) / (p_row * p_ctx))
    pmi[~np.isfinite(pmi)] = 0.0
    np.maximum(pmi, 0.0, out=pmi)
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(pmi @ rng.standard_normal((2 * v, dims + 20)))
    for _ in range(2):
        q, _ = np.linalg.qr(pmi @ (pmi.T @ q))
    u, s, _ = np.linalg.svd(q.T @ pmi, full_matrices=False)
    emb = (q @ u[:, :dims]) * np.sqrt(s[:dims])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9

    def kmeans(k: int, iterations: int = 30) -> np.ndarray:
        centres = emb[np.random.default_rng(1).choice(v, k, replace=False)].copy()
        for _ in range(iterations):
            assign = np.argmax(emb @ centres.T, axis=1)
            for j in range(k):
                members = emb[assign == j]
                if len(members):
                    m = members.mean(0)
                    centres[j] = m / (np.linalg.norm(m) + 1e-9)
        return np.argmax(emb @ centres.T, axis=1)

    assignments = [kmeans(k) for k in ks]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# NER character clusters (k = {', '.join(map(str, ks))}), built by ner/train.py from the CLUENER\n")
        fh.write("# training folds and jieba's dictionary: char<TAB>cluster ids. Generated: do not edit.\n")
        for c in vocab:
            fh.write(c + "\t" + "\t".join(str(a[index[c]]) for a in assignments) + "\n")


def entity_types(rows: list[dict]) -> dict[str, str]:
    """surface → its most frequent annotated type, over `rows` (all ten CLUENER types)."""
    counts: dict[str, collections.Counter] = {}
    for row in rows:
        for typ, surfaces in (row.get("label") or {}).items():
            for surface, positions in surfaces.items():
                counts.setdefault(surface, collections.Counter())[typ] += len(positions)
    return {surface: c.most_common(1)[0][0] for surface, c in counts.items()}


def write_gazetteer(rows: list[dict], out: Path) -> None:
    entries = entity_types(rows)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# NER gazetteer, built by ner/train.py from the CLUENER training folds: surface<TAB>type.\n")
        fh.write("# Generated: do not edit.\n")
        for surface in sorted(entries):
            if "\n" not in surface and "\t" not in surface:
                fh.write(f"{surface}\t{entries[surface]}\n")


def train(rows: list[dict], out: Path, *, params: dict | None = None, verbose: bool = False) -> None:
    """Train the CRF on `rows`. Each of JACKKNIFE parts of the rows gets its gazetteer
    feature from the entities of the other parts only: a gazetteer built from all of them
    would always be right on its own sentences, and the model would trust it blindly."""
    import pycrfsuite

    params = {**DEFAULTS, **(params or {})}
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for part in range(JACKKNIFE):
        others = [r for j, r in enumerate(rows) if j % JACKKNIFE != part]
        gazetteer = nf.Gazetteer(entity_types(others))
        for row in rows[part::JACKKNIFE]:
            text = row["text"]
            trainer.append(nf.sentence_features(text, gazetteer_=gazetteer),
                           nf.spans_to_tags(len(text), gold_spans(row)))
    trainer.select("lbfgs")
    trainer.set_params({
        "c1": params["c1"],
        "c2": params["c2"],
        "max_iterations": params["max_iterations"],
        "feature.minfreq": params["minfreq"],
        "feature.possible_transitions": True,
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def export_model(crfsuite_path: Path, out: Path, meta: dict, min_weight: float = 0.0) -> None:
    """Write the CRF's weights for `crf.CrfTagger`: labels and metadata (JSON); the attributes
    as templates with their counts (JSON) and values (one a line, template by template: the
    k-th value is attribute k); the state weights of at least `min_weight` as (attribute,
    label, weight) columns; and the label-transition matrix."""
    import numpy as np
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_path))
    info = tagger.info()
    state_features = {k: w for k, w in info.state_features.items() if abs(w) >= min_weight}
    labels = sorted(info.labels, key=lambda name: int(info.labels[name]))
    label_id = {name: k for k, name in enumerate(labels)}
    by_template: dict[str, list[str]] = {}  # template → its values, in weight-row order
    for attribute in sorted({attribute for attribute, _ in state_features}):
        template, _, value = attribute.partition("=")
        if "\n" not in value:  # (CLUENER's texts have no line breaks)
            by_template.setdefault(template, []).append(value)
    state_features = {(a, lab): w for (a, lab), w in state_features.items() if "\n" not in a}
    attribute_id = {f"{t}={v}": k for k, (t, v) in enumerate((t, v) for t, vs in by_template.items() for v in vs)}
    items = sorted(state_features.items())
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (src, dst), weight in info.transitions.items():
        transitions[label_id[src], label_id[dst]] = weight
    np.savez_compressed(
        out,
        meta=np.frombuffer(json.dumps({**meta, "labels": labels}).encode("utf-8"), dtype=np.uint8),
        templates=np.frombuffer(json.dumps([[t, len(vs)] for t, vs in by_template.items()]).encode("utf-8"),
                                dtype=np.uint8),
        values=np.frombuffer("\n".join(v for vs in by_template.values() for v in vs).encode("utf-8"), dtype=np.uint8),
        feature_attribute=np.array([attribute_id[a] for (a, _), _ in items], dtype=np.int32),
        feature_label=np.array([label_id[lab] for (_, lab), _ in items], dtype=np.int16),
        feature_weight=np.array([w for _, w in items], dtype=np.float32),
        transitions=transitions,
    )


def micro_f1(rows: list[dict], predict) -> tuple[float, dict[str, tuple[float, float, float]]]:
    per = {t: [0, 0, 0] for t in SCORED_TYPES}
    for row in rows:
        g = gold_spans(row, SCORED_TYPES)
        p = {s for s in predict(row["text"]) if s[0] in SCORED_TYPES}
        for typ, *_ in g & p:
            per[typ][0] += 1
        for typ, *_ in p - g:
            per[typ][1] += 1
        for typ, *_ in g - p:
            per[typ][2] += 1

    def prf(tp, fp, fn):
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    tot = [sum(v[i] for v in per.values()) for i in range(3)]
    return prf(*tot)[2], {t: prf(*v) for t, v in per.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="CLUENER train.json")
    ap.add_argument("--out", type=Path, required=True, help="where to write the .crfsuite model")
    ap.add_argument("--heldout-out", type=Path, help="write the held-out fold here (CLUENER format)")
    ap.add_argument("--eval", action="store_true", help="report micro F1 on the held-out fold")
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--max-iterations", type=int, default=DEFAULTS["max_iterations"])
    ap.add_argument("--minfreq", type=float, default=DEFAULTS["minfreq"])
    ap.add_argument("--min-weight", type=float, default=DEFAULTS["min_weight"],
                    help="export only state weights at least this large (in absolute value)")
    ap.add_argument("--keep-clusters", action="store_true",
                    help=f"reuse {nf.CLUSTERS_FILE.name} instead of rebuilding it from the training folds")
    args = ap.parse_args(argv)

    rows = read_rows(args.data)
    train_rows = [r for r in rows if fold_of(r["text"]) != HELDOUT_FOLD]
    heldout = [r for r in rows if fold_of(r["text"]) == HELDOUT_FOLD]
    print(f"ner.train: {len(train_rows)} training lines, {len(heldout)} held out (fold {HELDOUT_FOLD} of {N_FOLDS})",
          file=sys.stderr)
    if args.heldout_out:
        args.heldout_out.parent.mkdir(parents=True, exist_ok=True)
        args.heldout_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in heldout),
                                    encoding="utf-8")
    started = time.perf_counter()
    if not args.keep_clusters:
        build_char_clusters([r["text"] for r in train_rows], nf.CLUSTERS_FILE)
        nf.char_clusters.cache_clear()
        print(f"ner.train: character clusters {nf.CLUSTERS_FILE} in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
    write_gazetteer(train_rows, nf.GAZETTEER_FILE)
    nf.gazetteer.cache_clear()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations, "minfreq": args.minfreq}
    train(train_rows, args.out, params=params)
    npz = args.out.with_suffix(".npz")
    meta = {"feature_version": nf.FEATURE_VERSION, "params": {**params, "min_weight": args.min_weight},
            "train_lines": len(train_rows), "split": f"int(md5(text).hexdigest()[:8], 16) % {N_FOLDS} != {HELDOUT_FOLD}"}
    export_model(args.out, npz, meta, min_weight=args.min_weight)
    print(f"ner.train: {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), {npz} ({npz.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.eval:
        from .crf import CrfTagger

        tagger = CrfTagger(npz)
        f1, per = micro_f1(heldout, tagger.spans)
        for typ, (p, r, f) in per.items():
            print(f"{typ:<14}{p:7.3f}{r:7.3f}{f:7.3f}", file=sys.stderr)
        print(f"ner.train: held-out micro F1 {f1:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
