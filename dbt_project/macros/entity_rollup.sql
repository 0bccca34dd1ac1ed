{#-
    One row per resolved entity of one type (canonical_name): every surface form seen, how often
    and when (publication dates) it was mentioned. The source of marts.companies and
    marts.industries.

    It reads marts.entity_mentions, the materialized fact table (cleaned, deduplicated, dated and
    kept up to date by issue), not the staging views below it: a one-issue build then aggregates
    a table, with the entity type filter reaching the scan, instead of re-deriving every mention
    of the archive from raw (a window and text cleaning over all rows) once per mart.
-#}
{% macro entity_rollup(entity_type) -%}
    select
        canonical_name,
        list_sort(list_distinct(list(surface))) as aliases,
        cast(count(*) as integer) as n_mentions,
        cast(count(distinct article_id) as integer) as n_articles,
        cast(count(distinct issue_id) as integer) as n_issues,
        min(publication_date) as first_seen_date,
        max(publication_date) as last_seen_date,
        min(taxonomy_code) as taxonomy_code
    from {{ ref('entity_mentions') }}
    where entity_type = '{{ entity_type }}'
      and canonical_name is not null
    group by canonical_name
{%- endmacro %}
