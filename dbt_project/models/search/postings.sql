-- BM25 postings: one row per (term, article) with the term's precomputed BM25 weight in that
-- article, so a query's score is the sum of the weights of its terms:
--   weight = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avg_doc_len))
-- Ordered by term: DuckDB's zone maps then skip most of the table for a lookup by term.

with avg_len as (

    select avg(doc_len) as avg_doc_len from {{ ref('doc_stats') }}

)

select
    t.term,
    t.article_id,
    t.issue_id,
    t.tf,
    s.idf * t.tf * ({{ var('bm25_k1') }} + 1)
        / (t.tf + {{ var('bm25_k1') }} * (1 - {{ var('bm25_b') }} + {{ var('bm25_b') }} * d.doc_len / avg_len.avg_doc_len))
        as weight
from {{ ref('stg_article_terms') }} as t
inner join {{ ref('doc_stats') }} as d
    on d.article_id = t.article_id
inner join {{ ref('term_stats') }} as s
    on s.term = t.term
cross join avg_len
order by t.term, t.article_id
