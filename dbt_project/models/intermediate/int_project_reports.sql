-- Project reports (one per mention) resolved into projects across articles and issues:
-- project_key = the normalised name (whitespace/quotes removed, full-width → half-width)
-- without a trailing 项目/工程; project_id = md5(project_key). A name that is nothing but the
-- suffix (项目, 工程项目) names no project and is dropped.
with reports as (

    select
        p.*,
        {{ project_key('p.project_name') }} as project_key,
        i.publication_date
    from {{ ref('stg_project_mentions') }} as p
    inner join {{ ref('stg_issues') }} as i
        on i.issue_id = p.issue_id
    where p.project_name is not null

)

select
    {{ dbt.hash('project_key') }} as project_id,
    project_key,
    project_mention_id,
    article_id,
    issue_id,
    publication_date,
    project_name,
    investment_value,
    investment_unit,
    investment_cny,
    location,
    company_name,
    status,
    evidence,
    start_char,
    end_char
from reports
where project_key <> ''
