-- Files once taken in that are no longer in raw/ (their rows are kept, marked withdrawn).
select
    cast(source_file as varchar) as source_file,
    cast(withdrawn_at as timestamp) as withdrawn_at
from {{ source('raw', 'withdrawn_files') }}
