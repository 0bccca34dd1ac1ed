-- Files the pipeline could not take in (outcome rejected) or took in after a repair (flagged),
-- one row per file name, with the stage and the reason, and whether the file has since been
-- removed from raw/. raw's last_seen (when the last run saw it) is run bookkeeping and stays
-- out, so two runs over the same raw/ build the same marts.
select
    cast(r.source_file as varchar) as source_file,
    cast(r.stage as varchar) as stage,
    coalesce(lower({{ clean_text('r.outcome') }}), 'rejected') as outcome,
    {{ clean_text('r.reason') }} as reason,
    cast(r.first_seen as timestamp) as first_seen,
    w.withdrawn_at
from {{ source('raw', 'rejected_files') }} as r
left join {{ ref('stg_withdrawn_files') }} as w
    on w.source_file = r.source_file
