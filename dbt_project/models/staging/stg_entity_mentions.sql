-- Entity mentions of the canonical file of each issue. `surface` is kept as written (it is
-- body[start_char:end_char]); the canonical name and type are trimmed.
with source as (

    select m.*
    from {{ source('raw', 'entity_mentions') }} as m
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = m.issue_id
          and i.source_file = m.source_file
    )

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id, mention_id  -- ids are issue-scoped; a filter on the issue reaches below the window
            order by canonical_name, surface
        ) as id_rank
    from source

)

select
    cast(mention_id as varchar) as mention_id,
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    lower({{ clean_text('entity_type') }}) as entity_type,
    {{ clean_text('canonical_name') }} as canonical_name,
    cast(surface as varchar) as surface,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    {{ clean_text('sentence') }} as sentence,
    {{ clean_text('taxonomy_code') }} as taxonomy_code
from ranked
where id_rank = 1
