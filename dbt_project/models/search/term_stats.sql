-- BM25 term statistics, computed when queried (a view over term_frequencies): document
-- frequency and idf of every term, over the articles of doc_stats. A query's lookup by term
-- reads only that term's rows, so nothing is rebuilt when an issue arrives.
-- idf = ln(1 + (N - df + 0.5) / (df + 0.5)) (never negative, as in Lucene).
{{ config(materialized='view') }}
with docs as (

    select count(*) as n_docs from {{ ref('doc_stats') }}

),

df as (

    select term, count(*) as df, sum(tf) as cf
    from {{ ref('term_frequencies') }}
    group by term

)

select
    df.term,
    cast(df.df as integer) as df,
    cast(df.cf as integer) as cf,
    ln(1 + (docs.n_docs - df.df + 0.5) / (df.df + 0.5)) as idf
from df
cross join docs
