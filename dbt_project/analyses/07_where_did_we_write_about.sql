-- Where did we write about 数控机床 and 产值? BM25 over the articles' jieba terms (search.postings):
-- the score of an article is the sum of its weights for the query's terms. `wenling search`
-- does the same after segmenting a free-text query with the pipeline's jieba dictionary.
select
    a.publication_date,
    a.title,
    round(sum(p.weight), 3) as score,
    list(p.term order by p.term) as matched_terms,
    a.article_id
from search.postings as p
inner join marts.articles as a using (article_id)
where p.term in ('数控机床', '产值')
group by a.publication_date, a.title, a.article_id
order by score desc, a.article_id
limit 10
