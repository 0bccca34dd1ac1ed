-- Every entity mention found, with provenance (article, span in articles.body, sentence).
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
