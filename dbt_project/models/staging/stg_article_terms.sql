-- Term frequencies per article (canonical file only), one row per (article, term).
with source as (

    select t.*
    from {{ source('raw', 'article_terms') }} as t
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = t.issue_id
          and i.source_file = t.source_file
    )

)

select
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    cast(term as varchar) as term,
    cast(sum(tf) as integer) as tf
from source
group by 1, 2, 3, 4
