"""Metrics: every figure of an article with what it measures, its subject and its period.

- figures.py: which numbers are figures worth a row, their metric, value and period;
- subjects.py: what each figure is about, across clauses and sentences (regions, batches, 该企业);
- industry_phrases.py: sectors named by a generic head (X产业, 服务业) where no industry was found.
"""
from .figures import find_metrics

__all__ = ["find_metrics"]
