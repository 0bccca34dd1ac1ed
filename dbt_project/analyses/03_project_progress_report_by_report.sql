-- How did each project progress, report by report (oldest first), with the sentence?
select
    p.project_name,
    u.publication_date,
    u.status,
    u.evidence
from marts.project_updates as u
inner join marts.projects as p using (project_id)
order by p.project_name, u.publication_date nulls first, u.article_id
