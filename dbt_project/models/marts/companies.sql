-- One row per resolved company.
select
    canonical_name as company_name,
    aliases,
    n_mentions,
    first_seen_date,
    last_seen_date,
    n_articles,
    n_issues
from {{ ref('int_entities') }}
where entity_type = 'company'
