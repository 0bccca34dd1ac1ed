-- Project reports (one per mention in an article) of the canonical file of each issue.
-- Resolution across articles and issues happens in intermediate.int_project_reports.
with source as (

    select p.*
    from {{ source('raw', 'project_mentions') }} as p
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = p.issue_id
          and i.source_file = p.source_file
    )

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id, project_mention_id  -- ids are issue-scoped; a filter on the issue reaches below the window
            order by start_char, end_char, project_name
        ) as id_rank
    from source

)

select
    cast(project_mention_id as varchar) as project_mention_id,
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    {{ clean_text('project_name') }} as project_name,
    cast(investment_value as double) as investment_value,
    {{ clean_text('investment_unit') }} as investment_unit,
    cast(investment_cny as double) as investment_cny,
    {{ clean_text('location') }} as location,
    {{ clean_text('company_name') }} as company_name,
    {{ clean_text('status') }} as status,
    {{ clean_text('evidence') }} as evidence,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char
from ranked
where id_rank = 1
