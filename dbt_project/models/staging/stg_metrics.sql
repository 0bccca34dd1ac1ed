-- Quantitative statements of the canonical file of each issue, typed; a missing period
-- label becomes 'unknown'.
with source as (

    select m.*
    from {{ source('raw', 'metrics') }} as m
    where exists (
        select 1
        from {{ ref('stg_issues') }} as i
        where i.issue_id = m.issue_id
          and i.source_file = m.source_file
    )

),

ranked as (

    select
        *,
        row_number() over (
            partition by issue_id, metric_id  -- ids are issue-scoped; a filter on the issue reaches below the window
            order by start_char, end_char, metric
        ) as id_rank
    from source

)

select
    cast(metric_id as varchar) as metric_id,
    cast(article_id as varchar) as article_id,
    cast(issue_id as varchar) as issue_id,
    cast(source_file as varchar) as source_file,
    {{ clean_text('subject_name') }} as subject_name,
    lower({{ clean_text('subject_type') }}) as subject_type,
    lower({{ clean_text('metric') }}) as metric,
    cast(value as double) as value,
    {{ clean_text('unit') }} as unit,
    cast(value_normalized as double) as value_normalized,
    {{ clean_text('normalized_unit') }} as normalized_unit,
    coalesce({{ clean_text('period_label') }}, 'unknown') as period_label,
    cast(period_start as date) as period_start,
    cast(period_end as date) as period_end,
    {{ clean_text('evidence') }} as evidence,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char
from ranked
where id_rank = 1
