-- Every quantitative statement, with its evidence sentence and span. Incremental by issue.
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    metric_id,
    article_id,
    issue_id,
    subject_name,
    subject_type,
    metric,
    value,
    unit,
    value_normalized,
    normalized_unit,
    period_label,
    period_start,
    period_end,
    evidence,
    start_char,
    end_char,
    publication_date
from {{ ref('int_metrics') }}
where {{ in_pending_issues() }}
