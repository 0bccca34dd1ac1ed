-- One row per resolved project. "Latest" = the most recent report by publication date
-- (unknown dates count as oldest), then by article; every attribute comes from the most
-- recent report that states it.
with updates as (

    select * from {{ ref('int_project_updates') }}

),

names as (

    select
        project_id,
        project_name,
        count(*) as n_mentions
    from {{ ref('int_project_reports') }}
    group by project_id, project_name

),

canonical_names as (

    -- the most frequent printed form; ties → the longest once normalised (keeps a printed
    -- 项目/工程 suffix), then one printed without quotes or spaces, then sort order
    select
        project_id,
        first(
            project_name
            order by
                n_mentions desc,
                length({{ normalize_name('project_name') }}) desc,
                case when project_name = {{ normalize_name('project_name') }} then 0 else 1 end,
                project_name
        ) as project_name,
        list_sort(list(project_name)) as aliases
    from names
    group by project_id

),

aggregated as (

    select
        project_id,
        min(project_key) as project_key,
        first(status order by publication_date desc nulls last, article_id desc)
            filter (where status is not null) as latest_status,
        first(publication_date order by publication_date desc nulls last, article_id desc)
            filter (where status is not null) as latest_status_date,
        first(investment_value order by publication_date desc nulls last, article_id desc)
            filter (where investment_value is not null) as investment_value,
        first(investment_unit order by publication_date desc nulls last, article_id desc)
            filter (where investment_value is not null) as investment_unit,
        first(investment_cny order by publication_date desc nulls last, article_id desc)
            filter (where investment_value is not null) as investment_cny,
        first(location order by publication_date desc nulls last, article_id desc)
            filter (where location is not null) as location,
        first(company_name order by publication_date desc nulls last, article_id desc)
            filter (where company_name is not null) as company_name,
        min(publication_date) as first_seen_date,
        max(publication_date) as last_seen_date,
        list(status order by publication_date nulls first, article_id)
            filter (where status is not null) as status_history,
        cast(count(*) as integer) as n_reports,
        cast(count(distinct issue_id) as integer) as n_issues,
        cast(sum(n_mentions) as integer) as n_mentions
    from updates
    group by project_id

)

select
    a.project_id,
    n.project_name,
    a.investment_value,
    a.investment_unit,
    a.investment_cny,
    a.location,
    a.company_name,
    a.latest_status,
    a.first_seen_date,
    a.last_seen_date,
    a.latest_status_date,
    coalesce(a.status_history, cast([] as varchar[])) as status_history,
    a.project_key,
    n.aliases,
    a.n_reports,
    a.n_issues,
    a.n_mentions
from aggregated as a
inner join canonical_names as n
    on n.project_id = a.project_id
