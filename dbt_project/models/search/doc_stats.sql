-- BM25 document statistics: one row per searchable article (an article of marts.articles).
-- Incremental by issue (macros/incremental_by_issue.sql).
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    t.article_id,
    t.issue_id,
    cast(sum(t.tf) as integer) as doc_len,
    cast(count(*) as integer) as n_terms
from {{ ref('stg_article_terms') }} as t
inner join {{ ref('articles') }} as a
    on a.article_id = t.article_id
where {{ in_pending_issues('t.issue_id') }}
group by t.article_id, t.issue_id
