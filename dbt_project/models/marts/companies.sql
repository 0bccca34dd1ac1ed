-- One row per resolved company (macros/entity_rollup.sql).
with rollup as (

    {{ entity_rollup('company') }}

)

select
    canonical_name as company_name,
    aliases,
    n_mentions,
    first_seen_date,
    last_seen_date,
    n_articles,
    n_issues
from rollup
