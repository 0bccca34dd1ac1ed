-- An entity mention's surface is the text of its span: body[start_char:end_char].
-- An incremental build checks the rebuilt issues' facts only (tested_rows, macros/incremental_by_issue.sql).
select
    m.mention_id,
    m.surface,
    substring(a.body, m.start_char + 1, m.end_char - m.start_char) as text_at_span
from {{ tested_rows(ref('entity_mentions')) }} as m
inner join {{ ref('articles') }} as a
    on a.article_id = m.article_id
where substring(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface
