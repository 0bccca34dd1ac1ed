-- Each status report of a project: one row per (project, article).
select
    project_id,
    article_id,
    issue_id,
    publication_date,
    status,
    evidence,
    project_name,
    investment_value,
    investment_unit,
    investment_cny,
    location,
    company_name,
    n_mentions,
    start_char,
    end_char
from {{ ref('int_project_updates') }}
