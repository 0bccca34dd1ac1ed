-- One row per resolved industry (macros/entity_rollup.sql); the taxonomy class is the smallest
-- code its mentions resolved to.
with rollup as (

    {{ entity_rollup('industry') }}

)

select
    canonical_name as industry_name,
    aliases,
    n_mentions,
    first_seen_date,
    last_seen_date,
    n_articles,
    n_issues,
    taxonomy_code,
    taxonomy_code is not null as in_taxonomy
from rollup
