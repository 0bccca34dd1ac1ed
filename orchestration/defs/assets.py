"""All assets, in flow order: ingest → text → tokens → extraction → warehouse → dbt → report."""
from orchestration.defs.dbt import wenling_dbt_models
from orchestration.defs.extraction import facts
from orchestration.defs.ingest import issue_documents
from orchestration.defs.report import report
from orchestration.defs.text import articles
from orchestration.defs.tokens import article_terms
from orchestration.defs.warehouse import raw_tables

ALL_ASSETS = [issue_documents, articles, article_terms, facts, raw_tables, wenling_dbt_models, report]
