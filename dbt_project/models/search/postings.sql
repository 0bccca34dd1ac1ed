-- BM25 postings, computed when queried (a view): one row per (term, article) with the term's
-- BM25 weight in that article, so a query's score is the sum of the weights of its terms:
--   weight = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avg_doc_len))
-- A query filters on its terms; DuckDB pushes that filter into term_frequencies and term_stats.
{{ config(materialized='view') }}
with avg_len as (

    select avg(doc_len) as avg_doc_len from {{ ref('doc_stats') }}

)

select
    f.term,
    f.article_id,
    f.issue_id,
    f.tf,
    s.idf * f.tf * ({{ var('bm25_k1') }} + 1)
        / (f.tf + {{ var('bm25_k1') }} * (1 - {{ var('bm25_b') }} + {{ var('bm25_b') }} * f.doc_len / avg_len.avg_doc_len))
        as weight
from {{ ref('term_frequencies') }} as f
inner join {{ ref('term_stats') }} as s
    on s.term = f.term
cross join avg_len
