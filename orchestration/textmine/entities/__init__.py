"""Entity mentions in an article body: industries, companies, organisations, people, places.

Rules, gazetteers and the character CRF of `ner.py`: every mention keeps its span
(`body[start:end] == surface`) and the sentence it sits in. One module per kind of entity
(`companies`, `organizations`, `industries`, `people`, `places`), their shared helpers in
`common`, and the order of the passes in `mentions`.
"""
from __future__ import annotations

from .companies import harmonize_company_names
from .mentions import find_mentions
from .places import find_places

__all__ = ["find_mentions", "find_places", "harmonize_company_names"]
