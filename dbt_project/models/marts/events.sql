-- Every event found, with event_date / date_precision as extracted. Incremental by issue.
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    e.event_id,
    e.article_id,
    e.issue_id,
    e.event_type,
    e.event_date,
    e.date_precision,
    e.title,
    e.location,
    e.evidence,
    e.start_char,
    e.end_char,
    i.publication_date
from {{ ref('stg_events') }} as e
inner join {{ ref('stg_issues') }} as i
    on i.issue_id = e.issue_id
where {{ in_pending_issues('e.issue_id') }}
