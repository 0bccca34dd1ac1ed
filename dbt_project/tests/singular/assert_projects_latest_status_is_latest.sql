-- Cross-check of marts.projects.latest_status, recomputed another way: the status of the
-- project's most recent update (by publication date, unknown dates oldest, then article)
-- among those that state a status.
with ranked as (

    select
        project_id,
        status,
        row_number() over (
            partition by project_id
            order by
                case when publication_date is null then 1 else 0 end,
                publication_date desc,
                article_id desc
        ) as recency
    from {{ ref('project_updates') }}
    where status is not null

),

expected as (

    select project_id, status as latest_status
    from ranked
    where recency = 1

)

select p.project_id, p.latest_status, e.latest_status as expected_latest_status
from {{ ref('projects') }} as p
left join expected as e
    on e.project_id = p.project_id
where coalesce(p.latest_status, '<none>') <> coalesce(e.latest_status, '<none>')
