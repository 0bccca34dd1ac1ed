-- One status report per (project, article). When an article mentions a project several
-- times, the representative mention is the last one (in text order) that states a status,
-- else the first mention; status, evidence and span come from it. Investment, location and
-- company come from the first mention of the article that states them.
-- One aggregate grouped by the issue first, not a window joined back to an aggregate: a
-- filter on the issue (a one-issue build) then reaches the raw scan.
{%- set representative -%}
    case when status is not null then 0 else 1 end,
    case when status is not null then -start_char else start_char end,
    project_mention_id
{%- endset %}
{%- set text_order = "start_char, project_mention_id" %}
select
    project_id,
    first(project_key order by {{ representative }}) as project_key,
    article_id,
    issue_id,
    first(publication_date order by {{ representative }}) as publication_date,
    first(project_name order by {{ representative }}) as project_name,
    first(status order by {{ representative }}) as status,
    first(evidence order by {{ representative }}) as evidence,
    first(start_char order by {{ representative }}) as start_char,
    first(end_char order by {{ representative }}) as end_char,
    first(project_mention_id order by {{ representative }}) as project_mention_id,
    cast(count(*) as integer) as n_mentions,
    first(investment_value order by {{ text_order }})
        filter (where investment_value is not null) as investment_value,
    first(investment_unit order by {{ text_order }})
        filter (where investment_value is not null) as investment_unit,
    first(investment_cny order by {{ text_order }})
        filter (where investment_value is not null) as investment_cny,
    first(location order by {{ text_order }})
        filter (where location is not null) as location,
    first(company_name order by {{ text_order }})
        filter (where company_name is not null) as company_name
from {{ ref('int_project_reports') }}
group by issue_id, project_id, article_id
