-- One row per distinct issue (issue_id = hash of the normalised text). The same content can
-- arrive under several file names; the canonical file is the one whose name was loaded first (earliest
-- first_loaded_at, ties → smallest file name). Every other staging model keeps only the rows of
-- the canonical file, so ids stay unique downstream.
with source as (

    select * from {{ source('raw', 'issues') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id
            order by {{ canonical_source_order() }}
        ) as source_rank
    from source

)

select
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    lower({{ clean_text('encoding') }}) as encoding,
    cast(n_bytes as bigint) as n_bytes,
    cast(is_traditional as boolean) as is_traditional,
    cast(publication_date as date) as publication_date,
    cast(publication_date_confidence as double) as publication_date_confidence,
    {{ clean_text('publication_date_evidence') }} as publication_date_evidence,
    cast(n_articles as integer) as n_articles,
    cast(file_mtime as timestamp) as file_mtime,
    cast(loaded_at as timestamp) as loaded_at,
    cast(first_loaded_at as timestamp) as first_loaded_at
from ranked
where source_rank = 1
