-- One row per distinct issue (same content under several file names = one issue). An issue
-- is withdrawn when every file that carried it has gone from raw/; its rows stay.
with issues as (

    select * from {{ ref('stg_issues') }}

),

sources as (

    select
        issue_id,
        list(source_file order by source_rank) as source_files,
        bool_and(withdrawn_at is not null) as withdrawn,
        case when bool_and(withdrawn_at is not null) then max(withdrawn_at) end as withdrawn_at
    from {{ ref('int_issue_sources') }}
    group by issue_id

),

article_counts as (

    select issue_id, count(*) as n_articles
    from {{ ref('stg_articles') }}
    group by issue_id

)

select
    i.issue_id,
    i.source_file,
    i.publication_date,
    cast(coalesce(i.n_articles, c.n_articles, 0) as integer) as n_articles,
    i.publication_date_confidence,
    i.publication_date_evidence,
    i.encoding,
    i.is_traditional,
    i.n_bytes,
    i.file_mtime,
    i.loaded_at,
    s.source_files,
    cast(len(s.source_files) as integer) as n_source_files,
    coalesce(s.withdrawn, false) as withdrawn,
    s.withdrawn_at
from issues as i
left join sources as s
    on s.issue_id = i.issue_id
left join article_counts as c
    on c.issue_id = i.issue_id
