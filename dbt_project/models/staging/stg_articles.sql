-- Articles of the canonical file of each issue, typed and cleaned. `body` is kept exactly as
-- loaded: every fact's span indexes into it.
with source as (

    select a.*
    from {{ source('raw', 'articles') }} as a
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = a.issue_id
          and i.source_file = a.source_file
    )

),

ranked as (

    select
        *,
        -- issue_id first: ids are issue-scoped, and a filter on the issue then reaches below the window
        row_number() over (partition by issue_id, article_id order by seq) as id_rank
    from source

)

select
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    cast(seq as integer) as seq,
    {{ clean_text('title') }} as title,
    lower({{ clean_text('kind') }}) as kind,
    coalesce(cast(reporters as varchar[]), cast([] as varchar[])) as reporters,
    cast(body as varchar) as body,
    {{ clean_text('byline') }} as byline,
    {{ clean_text('continued_to') }} as continued_to
from ranked
where id_rank = 1
