"""Entity tagging in CLUENER's label format, for `wenling ner`.

A character-level linear-chain CRF over the features of `features.py`, trained with
python-crfsuite on CLUENER2020 by `train.py` (`make train-ner`). Training exports the
model's weights to `models/ner_crf.npz`; tagging runs here, in numpy, on batches of texts:

- feature values index weight rows without building crfsuite's attribute strings
  (templates over characters, their clusters and bigrams through per-character and
  per-bigram tables, type and word-place trigrams through small code tables, the rest
  through one dictionary per template), and the rows' sums give every character's label
  scores;
- Viterbi decodes BIOES with its grammar enforced (I/E only after B/I of the same type, a
  sentence never starts or ends inside an entity), stepping through the characters of up to
  GROUP texts of similar lengths at once.

Both are several times faster than crfsuite's own tagger fed from Python, and agree with it
(`tests/unit/test_ner.py`). The model tags all ten CLUENER types; the six the warehouse uses
(company, organization, government, name, address, position) are kept. It is loaded once per
process, on first use.
"""
from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import features as nf

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "ner_crf.npz"
TYPES = ("company", "organization", "government", "name", "address", "position")
BATCH = 2048  # texts per batch (feature rows and label scores) ...
BATCH_CHARS = 200_000  # ... or fewer, when they are long
GROUP = 512  # texts per Viterbi grid (of the length of the longest) ...
GROUP_CELLS = 50_000  # ... or fewer: texts x the longest length

Labels = dict[str, dict[str, list[list[int]]]]

# Templates whose value is one (padded) character, at an offset from the tagged character.
_CHAR_TEMPLATES = {"c-2": -2, "c-1": -1, "c0": 0, "c1": 1, "c2": 2}
# Templates whose value is the character cluster of the character at an offset.
_CLUSTER_TEMPLATES = {"k-1": -1, "k0": 0, "k1": 1}
# Templates whose value is the bigram starting at an offset.
_BIGRAM_TEMPLATES = {"b-2": -2, "b-1": -1, "b0": 0, "b1": 1}
_PAD = ("<s2>", "<s1>", "</s1>", "</s2>")
# Small codes for character types (features._char_type) and places in a word (B, M, E, S),
# with _START / _END for the '^' / '$' beside a text: type and word-place trigrams index tables.
_TYPE_CODES = {"H": 0, "D": 1, "L": 2, "S": 3, "P": 4}
_WORD_PLACES = "BMES"
_START, _END, _CODES = 5, 6, 7
_CODE_SYMBOL = {_START: "^", _END: "$"}
_NEG = -1e9


def _code_points(text: str):
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _split_pair(value: str) -> tuple[str, str] | None:
    """A two-token feature value (bigram, skip-bigram) with a padding → its two tokens."""
    for pad in _PAD:
        if value.startswith(pad):
            rest = value[len(pad):]
            return (pad, rest) if len(rest) == 1 or rest in _PAD else None
        if value.endswith(pad) and len(value) == len(pad) + 1:
            return value[0], pad
    return None


class CrfTagger:
    """A CRF exported by `train.export_model`."""

    def __init__(self, path: Path = MODEL_PATH):
        import numpy as np

        if not path.exists():
            raise FileNotFoundError(f"no NER model at {path}: run `make train-ner`")
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            if meta.get("feature_version") != nf.FEATURE_VERSION:
                raise RuntimeError(f"{path} was trained with features v{meta.get('feature_version')}, this code "
                                   f"computes v{nf.FEATURE_VERSION}: run `make train-ner`")
            templates = json.loads(bytes(data["templates"]).decode("utf-8"))
            values = bytes(data["values"]).decode("utf-8").split("\n")
            model_labels: list[str] = meta["labels"]
            f_attr, f_label, f_weight = data["feature_attribute"], data["feature_label"], data["feature_weight"]
            model_trans = data["transitions"]
        self._np = np

        # Label layout: O, then B, I, E, S of every type.
        types = sorted({lab[2:] for lab in model_labels if lab != "O"})
        self.labels = ["O"] + [f"{k}-{t}" for t in types for k in "BIES"]
        position = {lab: i for i, lab in enumerate(self.labels)}
        to_layout = np.array([position[lab] for lab in model_labels])
        n_labels = len(self.labels)
        weights = np.zeros((len(values) + 1, n_labels), dtype=np.float32)  # row 0: unknown attributes
        weights[f_attr + 1, to_layout[f_label]] = f_weight
        self._weights = weights
        trans = np.full((n_labels, n_labels), 0.0, dtype=np.float32)
        trans[np.ix_(to_layout, to_layout)] = model_trans
        self._trans = trans
        self._label_bias = np.full(n_labels, _NEG, dtype=np.float32)  # labels the model never saw stay out
        self._label_bias[to_layout] = 0.0
        nt = len(types)
        b_idx = 1 + 4 * np.arange(nt)
        self._closers = np.concatenate([[0], b_idx + 2, b_idx + 3])  # O, E-*, S-*: a span may follow
        self._openers = np.concatenate([[0], b_idx, b_idx + 3])  # O, B-*, S-*: may follow a closer
        self._inner_from = np.stack([b_idx, b_idx + 1], axis=1)  # (types, [B, I])
        self._inner_to = np.stack([b_idx + 1, b_idx + 2], axis=1)  # (types, [I, E])
        self._trans_open = trans[np.ix_(self._closers, self._openers)]
        self._trans_inner = trans[self._inner_from[:, :, None], self._inner_to[:, None, :]]  # (types, from, to)
        self._not_start = np.concatenate([b_idx + 1, b_idx + 2])  # I-*, E-*
        self._not_end = np.concatenate([b_idx, b_idx + 1])  # B-*, I-*

        # Feature value → weight row.
        index: dict[str, dict[str, int]] = {}
        row = 1
        for template, count in templates:
            index[template] = dict(zip(values[row - 1:row - 1 + count], range(row, row + count)))
            row += count
        self._index = index
        self._build_tables()

    def _build_tables(self) -> None:
        """Tables that turn a batch's characters into weight rows with numpy: character ids
        (by code point; 1-4 are the paddings), then per template id → row, or for the
        templates over two characters, sorted (id, id) keys beside their rows."""
        np = self._np
        index = self._index
        clusters = nf.char_clusters()
        pad_id = {p: k for k, p in enumerate(_PAD, start=1)}
        singles: list[str] = list(clusters)
        for template in _CHAR_TEMPLATES:
            singles.extend(v for v in index.get(template, ()) if len(v) == 1)
        singles.extend(v[1:] for v in index.get("wpc", ()))
        pairs = {}  # template → (two-character values, their rows)
        for template in (*_BIGRAM_TEMPLATES, "s"):
            found = index.get(template, {})
            two = [v for v in found if len(v) == 2]
            pairs[template] = (two, [found[v] for v in two])
            singles.append("".join(two))
            for value in found:
                if len(value) != 2:
                    singles.extend(x for x in _split_pair(value) or () if x not in _PAD)
        vocab = np.unique(_code_points("".join(singles)))
        self._char_id = np.zeros(0x110000, dtype=np.int64)  # code point → id (0: never seen)
        self._char_id[vocab] = np.arange(len(_PAD) + 1, len(_PAD) + 1 + len(vocab))
        n_ids = len(_PAD) + 1 + len(vocab)
        self._n_ids = n_ids
        self._pad_id = pad_id

        def ids(chars: list[str]):
            return self._char_id[_code_points("".join(chars))] if chars else np.zeros(0, dtype=np.int64)

        self._char_rows = []  # (offset, table id → row)
        for template, offset in _CHAR_TEMPLATES.items():
            found = index.get(template, {})
            table = np.zeros(n_ids, dtype=np.int64)
            one = [v for v in found if len(v) == 1]
            table[ids(one)] = [found[v] for v in one]
            for pad, k in pad_id.items():
                table[k] = found.get(pad, 0)
            self._char_rows.append((offset, table))
        for template, offset in _CLUSTER_TEMPLATES.items():
            found = index.get(template, {})
            table = np.full(n_ids, found.get("-", 0), dtype=np.int64)
            chars = list(clusters)
            table[ids(chars)] = [found.get(clusters[c], 0) for c in chars]
            table[pad_id["<s1>"]] = found.get("^", 0)
            table[pad_id["</s1>"]] = found.get("$", 0)
            self._char_rows.append((offset, table))
        self._wpc = np.zeros((len(_WORD_PLACES), n_ids), dtype=np.int64)
        for place, code in zip(_WORD_PLACES, range(len(_WORD_PLACES))):
            found = {v[1:]: r for v, r in index.get("wpc", {}).items() if v[0] == place}
            self._wpc[code, ids(list(found))] = list(found.values())
        self._pair_rows = {}  # template → (sorted keys id_a * n_ids + id_b, rows)
        for template, (two, rows) in pairs.items():
            pair_ids = ids(two).reshape(-1, 2)
            keys = pair_ids[:, 0] * n_ids + pair_ids[:, 1]
            keys, rows = list(keys), list(rows)
            for value, r in index.get(template, {}).items():  # those with a padding
                if len(value) != 2:
                    pair = _split_pair(value)
                    if pair:
                        a, b = (pad_id.get(x) or int(self._char_id[ord(x)]) for x in pair)
                        keys.append(a * n_ids + b)
                        rows.append(r)
            keys_array = np.array(keys, dtype=np.int64)
            order = np.argsort(keys_array)
            self._pair_rows[template] = (keys_array[order], np.array(rows, dtype=np.int64)[order])
        self._type_of = np.full(0x110000, 255, dtype=np.uint8)  # code point → type code, filled as met
        index = self._index
        type_symbol = {**{code: t for t, code in _TYPE_CODES.items()}, **_CODE_SYMBOL}
        place_symbol = {**dict(enumerate(_WORD_PLACES)), **_CODE_SYMBOL}

        def trigram_table(template: str, symbol: dict[int, str]):
            get = index.get(template, {}).get
            table = np.zeros(_CODES ** 3, dtype=np.int64)
            for a, b, c in itertools.product(symbol, repeat=3):
                table[(a * _CODES + b) * _CODES + c] = get(symbol[a] + symbol[b] + symbol[c], 0)
            return table

        self._table_t = trigram_table("t", type_symbol)
        self._table_wpn = trigram_table("wpn", place_symbol)
        self._table_wp = np.array([index.get("wp", {}).get(place_symbol.get(k, ""), 0) for k in range(_CODES)])

    # -- features -------------------------------------------------------------------------

    def feature_rows(self, texts: Sequence[str]):
        """(templates, total characters) weight rows of the characters of `texts`, in order;
        the same rows as looking up `features.feature_columns` (tested)."""
        np = self._np
        w_get = self._index.get("w", {}).get
        g_get = self._index.get("g", {}).get
        gazetteer = nf.gazetteer()
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        total = int(lengths.sum())
        # Every text padded with 2 positions on each side; `at`: the padded index of each character.
        starts = np.concatenate([[0], np.cumsum(lengths + 4)[:-1]]).astype(np.int64) + 2
        ends = starts + lengths
        at = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64), lengths) + \
            np.arange(total)
        size = int(ends[-1]) + 2 if len(texts) else 0
        points = _code_points("".join(texts))
        cid = np.zeros(size, dtype=np.int64)
        cid[at] = self._char_id[points]
        for positions, pad in ((starts - 2, "<s2>"), (starts - 1, "<s1>"), (ends, "</s1>"), (ends + 1, "</s2>")):
            cid[positions] = self._pad_id[pad]
        types = self._type_of[points]
        unseen = np.unique(points[types == 255])
        if len(unseen):
            self._type_of[unseen] = [_TYPE_CODES[nf._char_type(chr(c))] for c in unseen.tolist()]
            types = self._type_of[points]
        tc = np.zeros(size, dtype=np.int64)
        tc[at] = types
        tc[starts - 1] = _START
        tc[ends] = _END
        # Word places (B, M, E, S) from the segmentation; word and gazetteer rows per character.
        wcodes: list[int] = []
        w_rows: list[int] = []
        g_rows: list[int] = []
        for text in texts:
            wcodes.extend((0, _START))
            for w in nf.segment(text):
                k = len(w)
                if k == 1:
                    wcodes.append(3)
                else:
                    wcodes.append(0)
                    wcodes.extend([1] * (k - 2))
                    wcodes.append(2)
                w_rows.extend([w_get(w if k <= 4 else "#" + str(min(k, 9)), 0)] * k)
            wcodes.extend((_END, 0))
            g_rows.extend([g_get(m, 0) for m in gazetteer.marks(text)])
        wc = np.array(wcodes, dtype=np.int64)
        n_ids = self._n_ids

        def pair(template: str, first, second):
            keys, rows = self._pair_rows[template]
            if not len(keys):
                return np.zeros(total, dtype=np.int64)
            query = cid[first] * n_ids + cid[second]
            pos = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
            return np.where(keys[pos] == query, rows[pos], 0)

        columns = [table[cid[at + offset]] for offset, table in self._char_rows]
        columns += [pair(t, at + offset, at + offset + 1) for t, offset in _BIGRAM_TEMPLATES.items()]
        columns.append(self._wpc[wc[at], cid[at]])
        columns.append(self._table_t[(tc[at - 1] * _CODES + tc[at]) * _CODES + tc[at + 1]])
        columns.append(self._table_wp[wc[at]])
        columns.append(self._table_wpn[(wc[at - 1] * _CODES + wc[at]) * _CODES + wc[at + 1]])
        columns.append(pair("s", at - 1, at + 1))
        columns += [np.array(rows, dtype=np.int64) for rows in (w_rows, g_rows)]
        return np.stack(columns)

    def emissions(self, texts: Sequence[str]):
        """(total characters, labels) state scores of the characters of `texts`."""
        np = self._np
        rows = self.feature_rows(texts)
        weights = self._weights
        out = np.take(weights, rows[0], axis=0)
        buf = np.empty_like(out)
        for k in range(1, len(rows)):
            np.take(weights, rows[k], axis=0, out=buf)
            out += buf
        out += self._label_bias
        return out

    # -- decoding -------------------------------------------------------------------------

    def tag_batch(self, texts: Sequence[str]) -> list[list[str]]:
        """The best BIOES label sequence of every text."""
        np = self._np
        out: list[list[str]] = [[] for _ in texts]
        # Shortest first: texts of similar lengths share a padded Viterbi grid, and _viterbi
        # relies on the order.
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
        if not order:
            return out
        emission = self.emissions([texts[i] for i in order])
        lengths = np.array([len(texts[i]) for i in order], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        labels = self.labels
        groups = []  # [start, end) in `order`: at most GROUP texts, GROUP_CELLS padded characters
        g = 0
        for k in range(1, len(order) + 1):
            if k == len(order) or k - g >= GROUP or (k - g + 1) * int(lengths[k]) > GROUP_CELLS:
                groups.append((g, k))
                g = k
        for g, end in groups:
            lens = lengths[g:end]
            n_group, m = len(lens), int(lens.max())
            grid = np.zeros((n_group, m, len(labels)), dtype=np.float32)
            rows = np.repeat(np.arange(n_group), lens)
            cols = np.arange(int(lens.sum())) - np.repeat(offsets[g:g + n_group] - offsets[g], lens)
            grid[rows, cols] = emission[offsets[g]:offsets[g + n_group]]
            best = self._viterbi(grid, lens).tolist()
            for j in range(n_group):
                out[order[g + j]] = [labels[k] for k in best[j][:lens[j]]]
        return out

    def _viterbi(self, grid, lens):
        """Best label indices for a grid of texts sorted by length (shortest first): at step
        t only the texts longer than t, a suffix of the grid, move on."""
        np = self._np
        n_batch, m, n_labels = grid.shape
        closers, openers = self._closers, self._openers
        inner_from, inner_to = self._inner_from, self._inner_to
        type_index = np.arange(len(inner_from))[:, None]
        first_active = np.searchsorted(lens, np.arange(m), side="right")  # texts of length <= t come first
        back = np.zeros((n_batch, m, n_labels), dtype=np.int8 if n_labels < 128 else np.int16)
        score = grid[:, 0].copy()
        score[:, self._not_start] = _NEG
        for t in range(1, m):
            a = first_active[t]
            prev = score[a:]
            new = grid[a:, t].copy()
            ptr = back[a:, t]
            cand = prev[:, closers][:, :, None] + self._trans_open  # (texts, closers, openers)
            new[:, openers] += cand.max(axis=1)
            ptr[:, openers] = closers[cand.argmax(axis=1)]
            cand = prev[:, inner_from][:, :, :, None] + self._trans_inner  # (texts, types, [B, I], [I, E])
            new[:, inner_to] += cand.max(axis=2)
            ptr[:, inner_to] = inner_from[type_index, cand.argmax(axis=2)]
            score[a:] = new
        score[:, self._not_end] = _NEG
        best = np.zeros((n_batch, m), dtype=np.int64)
        best[np.arange(n_batch), lens - 1] = score.argmax(axis=1)
        for t in range(m - 1, 0, -1):
            a = first_active[t]
            best[a:, t - 1] = back[np.arange(a, n_batch), t, best[a:, t]]
        return best

    # -- results --------------------------------------------------------------------------

    def tag(self, text: str) -> list[str]:
        return self.tag_batch([text])[0]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(type, start, end_inclusive) for every entity the model finds (all its types)."""
        return nf.tags_to_spans(self.tag(text))


@functools.cache
def tagger() -> CrfTagger:
    return CrfTagger()


def _labels(text: str, tags: Sequence[str]) -> Labels:
    labels: Labels = {}
    for typ, start, end in nf.tags_to_spans(tags):
        if typ in TYPES:
            labels.setdefault(typ, {}).setdefault(text[start:end + 1], []).append([start, end])
    return labels


def tag_text(text: str) -> Labels:
    """text → {TYPE: {surface: [[start, end_inclusive], ...]}} (CLUENER's format)."""
    return _labels(text, tagger().tag(text))


def tag_texts(texts: Iterable[str], batch: int = BATCH) -> Iterator[tuple[str, Labels]]:
    """(text, labels) for every text, in order, tagging up to `batch` texts (BATCH_CHARS
    characters) at a time (what
    `wenling ner` uses: a batch is much faster than as many single texts)."""
    chunk: list[str] = []
    chars = 0
    for text in texts:
        chunk.append(text)
        chars += len(text)
        if len(chunk) >= batch or chars >= BATCH_CHARS:
            yield from _tag_chunk(chunk)
            chunk = []
            chars = 0
    if chunk:
        yield from _tag_chunk(chunk)


def _tag_chunk(texts: list[str]) -> Iterator[tuple[str, Labels]]:
    for text, tags in zip(texts, tagger().tag_batch(texts)):
        yield text, _labels(text, tags)
