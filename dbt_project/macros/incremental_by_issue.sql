{#-
    The fact models (one row per fact of one issue) are incremental, keyed on the issue: a run
    rebuilds only the issues in raw.pending_issues (what the loader changed since the last
    successful build; orchestration/warehouse/loader.py), and `dbt build --full-refresh` (the
    daily schedule) rebuilds them all from the same SQL, so the two give the same rows.

    A model uses both macros:
        {{ config(materialized='incremental', pre_hook="{{ delete_pending_issues() }}") }}
        ... where {{ in_pending_issues('x.issue_id') }}
    The delete is a pre-hook rather than dbt's delete+insert strategy, which deletes only the
    keys that come back: an issue whose last file was edited into another issue has no rows to
    come back, and its old rows must still go.
-#}

{% macro in_pending_issues(column='issue_id') -%}
    {%- if is_incremental() -%}
        {{ column }} in (select issue_id from {{ source('raw', 'pending_issues') }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_pending_issues() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where issue_id in (select issue_id from {{ source('raw', 'pending_issues') }})
    {%- endif -%}
{%- endmacro %}

{#-
    The data tests of an incremental model look at the rebuilt issues only, unless the build is
    a full refresh: the rows of the other issues were tested when they were built, and did not
    change. (dbt's documented hook for this is overriding get_where_subquery.) Constraints of
    the contract (not null, unique, primary key) still hold over the whole table: DuckDB checks
    them on every insert.
-#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set conditions = [where] if where else [] -%}
    {%- if execute and not flags.FULL_REFRESH and _is_incremental_model(relation) -%}
        {%- do conditions.append("issue_id in (select issue_id from " ~ source('raw', 'pending_issues') ~ ")") -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ conditions | join(" and ") ~ ") dbt_subquery") -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{% macro _is_incremental_model(relation) -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.config.materialized == 'incremental'
              and (node.alias or node.name) == relation.identifier and node.schema == relation.schema -%}
            {%- do return(true) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do return(false) -%}
{%- endmacro %}
