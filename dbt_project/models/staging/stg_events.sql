-- Events of the canonical file of each issue; event_date / date_precision as loaded.
with source as (

    select e.*
    from {{ source('raw', 'events') }} as e
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = e.issue_id
          and i.source_file = e.source_file
    )

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id, event_id  -- ids are issue-scoped; a filter on the issue reaches below the window
            order by start_char, end_char, event_type
        ) as id_rank
    from source

)

select
    cast(event_id as varchar) as event_id,
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    lower({{ clean_text('event_type') }}) as event_type,
    cast(event_date as date) as event_date,
    lower({{ clean_text('date_precision') }}) as date_precision,
    {{ clean_text('title') }} as title,
    {{ clean_text('location') }} as location,
    {{ clean_text('evidence') }} as evidence,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char
from ranked
where id_rank = 1
