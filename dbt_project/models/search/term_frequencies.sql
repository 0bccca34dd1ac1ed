-- The stored index: one row per (term, article) with the term's count in the article and the
-- article's length, the two BM25 inputs that belong to one issue alone. Incremental by issue
-- (macros/incremental_by_issue.sql): a new issue adds its rows and touches nothing else. What
-- depends on the whole archive (document frequency, idf, average length) is computed when a
-- query asks, by the views term_stats and postings. Ordered by term within each build, so
-- DuckDB's zone maps skip most of the table for a lookup by term.
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    t.term,
    t.article_id,
    t.issue_id,
    t.tf,
    d.doc_len
from {{ ref('stg_article_terms') }} as t
inner join {{ ref('doc_stats') }} as d
    on d.article_id = t.article_id
where {{ in_pending_issues('t.issue_id') }}
order by t.term, t.article_id
