-- One row per resolved entity (entity_type, canonical_name): every surface form seen, how
-- often and when (publication dates) it was mentioned.
select
    {{ dbt.hash(dbt.concat(["entity_type", "'|'", "canonical_name"])) }} as entity_id,
    entity_type,
    canonical_name,
    list_sort(list_distinct(list(surface))) as aliases,
    cast(count(*) as integer) as n_mentions,
    cast(count(distinct article_id) as integer) as n_articles,
    cast(count(distinct issue_id) as integer) as n_issues,
    min(publication_date) as first_seen_date,
    max(publication_date) as last_seen_date,
    min(taxonomy_code) as taxonomy_code
from {{ ref('int_entity_mentions') }}
where canonical_name is not null
group by entity_type, canonical_name
