-- Who wrote what? Articles per reporter (from the bylines) and the industries in their articles.
with bylines as (
    select unnest(reporters) as reporter, article_id from marts.articles
)
select
    b.reporter,
    count(distinct b.article_id) as n_articles,
    list(distinct m.canonical_name order by m.canonical_name) filter (where m.canonical_name is not null) as industries
from bylines as b
left join marts.entity_mentions as m
    on m.article_id = b.article_id and m.entity_type = 'industry'
group by b.reporter
order by n_articles desc, b.reporter
