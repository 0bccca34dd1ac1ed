-- BM25 term statistics: document frequency and idf of every term, over the articles of doc_stats.
-- idf = ln(1 + (N - df + 0.5) / (df + 0.5)) (never negative, as in Lucene).
with docs as (

    select count(*) as n_docs from {{ ref('doc_stats') }}

),

df as (

    select t.term, count(distinct t.article_id) as df, sum(t.tf) as cf
    from {{ ref('stg_article_terms') }} as t
    inner join {{ ref('doc_stats') }} as d
        on d.article_id = t.article_id
    group by t.term

)

select
    df.term,
    cast(df.df as integer) as df,
    cast(df.cf as integer) as cf,
    ln(1 + (docs.n_docs - df.df + 0.5) / (df.df + 0.5)) as idf
from df
cross join docs
