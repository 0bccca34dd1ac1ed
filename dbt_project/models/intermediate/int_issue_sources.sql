-- Every file loaded into raw.issues, one row per (issue_id, source_file), ranked within its
-- issue by canonical_source_order() (earliest first_loaded_at, then smallest file name); rank 1 is
-- the canonical file that staging keeps. withdrawn_at: the file is no longer in raw/.
with ranked as (

    select
        cast(issue_id as varchar) as issue_id,
        cast(source_file as varchar) as source_file,
        cast(loaded_at as timestamp) as loaded_at,
        cast(first_loaded_at as timestamp) as first_loaded_at,
        cast(file_mtime as timestamp) as file_mtime,
        cast(n_bytes as bigint) as n_bytes,
        cast(
            row_number() over (partition by issue_id order by {{ canonical_source_order() }})
            as integer
        ) as source_rank
    from {{ source('raw', 'issues') }}

)

select
    r.*,
    r.source_rank = 1 as is_canonical,
    w.withdrawn_at
from ranked as r
left join {{ ref('stg_withdrawn_files') }} as w
    on w.source_file = r.source_file
