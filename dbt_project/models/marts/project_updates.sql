-- Each status report of a project: one row per (project, article). Incremental by issue.
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
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
where {{ in_pending_issues() }}
