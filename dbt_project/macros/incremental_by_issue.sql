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
        {{ _issue_in_batch(column) }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_pending_issues() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ _issue_in_batch('issue_id') }}
    {%- endif -%}
{%- endmacro %}

{#-
    The batch as a list of constants, read when the node runs: DuckDB pushes a constant list
    down through the staging views (below their windows, which are partitioned by issue) into
    the raw tables' scans, so a one-issue build reads one issue's rows. An `in (select ...)` of
    the control table is a join that it cannot push down, and reads every row of the archive.
-#}
{% macro _issue_in_batch(column) -%}
    {%- set ids = _pending_issue_ids() -%}
    {%- if ids -%}
        {{ column }} in ({% for id in ids %}'{{ id | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %})
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}

{% macro _pending_issue_ids() -%}
    {%- if not execute -%}
        {%- do return([]) -%}
    {%- endif -%}
    {%- set rows = run_query("select issue_id from " ~ source('raw', 'pending_issues') ~ " order by issue_id") -%}
    {%- do return(rows.columns[0].values() | list) -%}
{%- endmacro %}

{#-
    The data tests of an incremental model look at the rebuilt issues only, unless the build is
    a full refresh: the rows of the other issues were tested when they were built, and did not
    change. (dbt's documented hook for this is overriding get_where_subquery.) Constraints of
    the contract (not null, unique, primary key, checks) still hold over the whole table: DuckDB
    checks them on every insert.
-#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set conditions = [where] if where else [] -%}
    {%- if _tests_batch_only(relation) -%}
        {%- do conditions.append(_batch_condition()) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ conditions | join(" and ") ~ ") dbt_subquery") -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#-
    The same scope for singular tests, which name their relations themselves:
        from {{ tested_rows(ref('metrics')) }} as m
    is the whole table on a full refresh, the rebuilt issues' rows otherwise.
-#}
{% macro tested_rows(relation) -%}
    {%- if _tests_batch_only(relation) -%}
        (select * from {{ relation }} where {{ _batch_condition() }})
    {%- else -%}
        {{ relation }}
    {%- endif -%}
{%- endmacro %}

{% macro _tests_batch_only(relation) -%}
    {%- do return(execute and not flags.FULL_REFRESH and _is_incremental_model(relation)) -%}
{%- endmacro %}

{% macro _batch_condition() -%}
    {%- do return(_issue_in_batch('issue_id')) -%}
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
