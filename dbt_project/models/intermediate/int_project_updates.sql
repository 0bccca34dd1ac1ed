-- One status report per (project, article). When an article mentions a project several
-- times, the representative mention is the last one (in text order) that states a status,
-- else the first mention; status, evidence and span come from it. Investment, location and
-- company come from the first mention of the article that states them.
with reports as (

    select * from {{ ref('int_project_reports') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id, project_id, article_id  -- an article is in one issue; a filter on the issue reaches below the window
            order by
                case when status is not null then 0 else 1 end,
                case when status is not null then -start_char else start_char end,
                project_mention_id
        ) as representative_rank
    from reports

),

per_article as (

    select
        issue_id,
        project_id,
        article_id,
        cast(count(*) as integer) as n_mentions,
        first(investment_value order by start_char, project_mention_id)
            filter (where investment_value is not null) as investment_value,
        first(investment_unit order by start_char, project_mention_id)
            filter (where investment_value is not null) as investment_unit,
        first(investment_cny order by start_char, project_mention_id)
            filter (where investment_value is not null) as investment_cny,
        first(location order by start_char, project_mention_id)
            filter (where location is not null) as location,
        first(company_name order by start_char, project_mention_id)
            filter (where company_name is not null) as company_name
    from reports
    group by issue_id, project_id, article_id

)

select
    r.project_id,
    r.project_key,
    r.article_id,
    r.issue_id,
    r.publication_date,
    r.project_name,
    r.status,
    r.evidence,
    r.start_char,
    r.end_char,
    r.project_mention_id,
    a.n_mentions,
    a.investment_value,
    a.investment_unit,
    a.investment_cny,
    a.location,
    a.company_name
from ranked as r
inner join per_article as a
    on a.issue_id = r.issue_id
   and a.project_id = r.project_id
   and a.article_id = r.article_id
where r.representative_rank = 1
