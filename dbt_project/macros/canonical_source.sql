{#-
    The order that picks the canonical file of an issue among the files carrying the same
    content (same issue_id): the one whose name was loaded first (first_loaded_at survives re-loads), ties → the smallest file name. One
    definition, used by stg_issues (which keeps only the canonical file) and
    int_issue_sources (which lists every file).
-#}
{% macro canonical_source_order() -%}
    first_loaded_at, source_file
{%- endmacro %}
