-- Every fact's span lies inside the body of its article: 0 <= start_char < end_char <=
-- length(body), for entity mentions, metrics, project reports (every mention, not just the
-- representative one kept in project_updates) and events. Returns the offending facts.
-- An incremental build checks the rebuilt issues' facts only (tested_rows, macros/incremental_by_issue.sql).
with facts as (

    select 'entity_mention' as fact, mention_id as fact_id, article_id, start_char, end_char
    from {{ tested_rows(ref('entity_mentions')) }}
    union all
    select 'metric', metric_id, article_id, start_char, end_char
    from {{ tested_rows(ref('metrics')) }}
    union all
    select 'project_report', project_mention_id, article_id, start_char, end_char
    from {{ ref('int_project_reports') }}
    union all
    select 'event', event_id, article_id, start_char, end_char
    from {{ tested_rows(ref('events')) }}

)

select f.*, {{ dbt.length('a.body') }} as body_length
from facts as f
left join {{ ref('articles') }} as a
    on a.article_id = f.article_id
where a.article_id is null
   or f.start_char is null
   or f.end_char is null
   or f.start_char < 0
   or f.start_char >= f.end_char
   or f.end_char > {{ dbt.length('a.body') }}
