-- Every entity mention found, with provenance (article, span in articles.body, sentence). Incremental by issue.
{{ config(materialized='incremental', on_schema_change='fail', pre_hook="{{ delete_pending_issues() }}") }}
select
    mention_id,
    article_id,
    issue_id,
    entity_type,
    canonical_name,
    surface,
    start_char,
    end_char,
    sentence,
    publication_date,
    taxonomy_code
from {{ ref('int_entity_mentions') }}
where {{ in_pending_issues() }}
