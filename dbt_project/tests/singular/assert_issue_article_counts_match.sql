{{ config(severity='warn') }}
-- issues.n_articles (as reported by the extraction stage) equals the articles loaded.
with counts as (

    select issue_id, count(*) as n_loaded
    from {{ ref('articles') }}
    group by issue_id

)

select i.issue_id, i.n_articles, coalesce(c.n_loaded, 0) as n_loaded
from {{ ref('issues') }} as i
left join counts as c
    on c.issue_id = i.issue_id
where i.n_articles <> coalesce(c.n_loaded, 0)
