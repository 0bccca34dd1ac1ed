-- What was in each issue? Headlines in page order, with the number of facts found in each article.
select
    i.publication_date,
    a.seq,
    a.title,
    a.kind,
    (select count(*) from marts.metrics m where m.article_id = a.article_id) as n_metrics,
    (select count(*) from marts.project_updates u where u.article_id = a.article_id) as n_project_reports,
    (select count(*) from marts.events e where e.article_id = a.article_id) as n_events
from marts.articles as a
inner join marts.issues as i using (issue_id)
order by i.publication_date desc nulls last, a.seq
