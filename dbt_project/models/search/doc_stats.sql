-- BM25 document statistics: one row per searchable article (an article of marts.articles).
select
    t.article_id,
    t.issue_id,
    cast(sum(t.tf) as integer) as doc_len,
    cast(count(*) as integer) as n_terms
from {{ ref('stg_article_terms') }} as t
inner join {{ ref('articles') }} as a
    on a.article_id = t.article_id
group by t.article_id, t.issue_id
