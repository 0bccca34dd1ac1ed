-- Files the pipeline could not take in, one row per file name, with the stage that failed.
select
    cast(source_file as varchar) as source_file,
    cast(stage as varchar) as stage,
    {{ clean_text('reason') }} as reason,
    cast(first_seen as timestamp) as first_seen,
    cast(last_seen as timestamp) as last_seen
from {{ source('raw', 'rejected_files') }}
