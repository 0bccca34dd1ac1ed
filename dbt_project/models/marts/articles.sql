-- Articles of every issue, in page order. Incremental by issue (macros/incremental_by_issue.sql).
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    a.article_id,
    a.issue_id,
    a.seq,
    a.title,
    a.kind,
    a.reporters,
    a.body,
    a.byline,
    a.continued_to,
    cast(length(a.body) as integer) as body_length,
    i.publication_date,
    a.source_file
from {{ ref('stg_articles') }} as a
inner join {{ ref('stg_issues') }} as i
    on i.issue_id = a.issue_id
where {{ in_pending_issues('a.issue_id') }}
