"""The entity tagger of `wenling ner` (CLUENER's label format), one job per module:

- `features.py`: the per-character feature templates (shared by training and tagging);
- `crf.py`: the numpy CRF tagger over the shipped weights (`models/ner_crf.npz`);
- `train.py`: training with python-crfsuite and the export of its weights (`make train-ner`);
- `lexicon/`: the word list, character clusters and gazetteer the features read.

Callers import from here: `from orchestration.textmine.ner import tag_texts`.
"""
from .crf import MODEL_PATH, TYPES, CrfTagger, Labels, tag_text, tag_texts, tagger

__all__ = ["MODEL_PATH", "TYPES", "CrfTagger", "Labels", "tag_text", "tag_texts", "tagger"]
