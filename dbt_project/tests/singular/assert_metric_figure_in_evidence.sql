{{ config(severity='warn') }}
-- The figure's text (body[start_char:end_char]) occurs in the evidence sentence: the span
-- and the sentence point at the same place. Warns only: a sentence may be re-cut.
-- An incremental build checks the rebuilt issues' facts only (tested_rows, macros/incremental_by_issue.sql).
select
    m.metric_id,
    m.evidence,
    substring(a.body, m.start_char + 1, m.end_char - m.start_char) as figure_text
from {{ tested_rows(ref('metrics')) }} as m
inner join {{ ref('articles') }} as a
    on a.article_id = m.article_id
where m.evidence is not null
  and {{ dbt.position("substring(a.body, m.start_char + 1, m.end_char - m.start_char)", 'm.evidence') }} = 0
