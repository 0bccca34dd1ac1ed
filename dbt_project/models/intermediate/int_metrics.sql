-- Quantitative statements with the publication date of their issue.
select
    m.metric_id,
    m.article_id,
    m.issue_id,
    m.subject_name,
    m.subject_type,
    m.metric,
    m.value,
    m.unit,
    m.value_normalized,
    m.normalized_unit,
    m.period_label,
    m.period_start,
    m.period_end,
    m.evidence,
    m.start_char,
    m.end_char,
    i.publication_date
from {{ ref('stg_metrics') }} as m
inner join {{ ref('stg_issues') }} as i
    on i.issue_id = m.issue_id
