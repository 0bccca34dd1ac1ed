-- Entity mentions with the publication date of their issue.
select
    m.mention_id,
    m.article_id,
    m.issue_id,
    m.entity_type,
    m.canonical_name,
    m.surface,
    m.start_char,
    m.end_char,
    m.sentence,
    m.taxonomy_code,
    i.publication_date
from {{ ref('stg_entity_mentions') }} as m
inner join {{ ref('stg_issues') }} as i
    on i.issue_id = m.issue_id
