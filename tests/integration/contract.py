"""The public marts tables and their required columns (../shared/CONTRACT.md)."""

CONTRACT: dict[str, list[str]] = {
    "issues": ["issue_id", "source_file", "publication_date", "n_articles"],
    "articles": ["article_id", "issue_id", "seq", "title", "kind", "reporters", "body"],
    "entity_mentions": ["mention_id", "article_id", "issue_id", "entity_type", "canonical_name", "surface",
                        "start_char", "end_char"],
    "industries": ["industry_name", "aliases", "n_mentions", "first_seen_date", "last_seen_date"],
    "companies": ["company_name", "aliases", "n_mentions", "first_seen_date", "last_seen_date"],
    "projects": ["project_id", "project_name", "investment_value", "investment_unit", "investment_cny", "location",
                 "company_name", "latest_status", "first_seen_date", "last_seen_date"],
    "project_updates": ["project_id", "article_id", "issue_id", "publication_date", "status", "evidence"],
    "metrics": ["metric_id", "article_id", "issue_id", "subject_name", "subject_type", "metric", "value", "unit",
                "value_normalized", "normalized_unit", "period_label", "period_start", "period_end", "evidence",
                "start_char", "end_char"],
    "industry_metrics": ["metric_id", "subject_name", "metric", "value", "unit"],
    "events": ["event_id", "article_id", "issue_id", "event_type", "event_date", "date_precision", "title",
               "location", "evidence"],
}
