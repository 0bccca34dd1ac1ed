-- Rejected or flagged issue files: where a user looks first when an issue is missing or odd.
select
    source_file,
    stage,
    outcome,
    reason,
    first_seen,
    withdrawn_at is not null as withdrawn,
    withdrawn_at
from {{ ref('stg_rejected_files') }}
