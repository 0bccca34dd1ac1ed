-- marts.metrics restricted to subject_type = 'industry', joined to marts.industries on the
-- canonical name (industry_* columns are null when the subject was never mentioned as an
-- industry entity). Both are marts tables: a build reads the stored facts, not the views
-- that derive them from raw.
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
    m.publication_date,
    e.industry_name,
    e.aliases as industry_aliases,
    e.n_mentions as industry_n_mentions,
    e.first_seen_date as industry_first_seen_date,
    e.last_seen_date as industry_last_seen_date
from {{ ref('metrics') }} as m
left join {{ ref('industries') }} as e
    on e.industry_name = m.subject_name
where m.subject_type = 'industry'
