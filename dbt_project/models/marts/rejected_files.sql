-- Rejected or flagged issue files: where a user looks first when an issue is missing.
select
    source_file,
    stage,
    reason,
    first_seen,
    last_seen
from {{ ref('stg_rejected_files') }}
