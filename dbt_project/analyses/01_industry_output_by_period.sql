-- How big is each industry? Output value (产值) by period, as printed and in 亿元, with the sentence.
select
    subject_name as industry,
    period_label,
    value,
    unit,
    round(value_normalized / 1e8, 2) as output_yi_yuan,
    publication_date,
    evidence
from marts.industry_metrics
where metric = 'output_value'
order by industry, period_end nulls last, period_label
