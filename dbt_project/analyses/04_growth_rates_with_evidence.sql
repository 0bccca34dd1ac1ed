-- Which growth rates were reported, highest first, and where do they come from?
select
    subject_name,
    subject_type,
    period_label,
    value,
    unit,
    publication_date,
    evidence
from marts.metrics
where metric = 'growth_rate'
order by value desc
