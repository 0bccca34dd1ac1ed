-- The `raw` schema: what the extraction stage loads, one transaction per issue file.
-- Columns are the fields of orchestration/textmine/records.py plus `source_file`, the file
-- name under raw/ (the Dagster partition key). Re-loading a file deletes its rows first, so a
-- re-run replaces exactly that file's rows. dbt reads these tables as the source `raw`.
create schema if not exists raw;

create table if not exists raw.issues (
    source_file varchar not null,
    issue_id varchar not null,
    encoding varchar,
    n_bytes bigint,
    is_traditional boolean,
    publication_date date,
    publication_date_confidence double,
    publication_date_evidence varchar,
    n_articles integer,
    file_mtime timestamp,
    loaded_at timestamp not null,
    -- when this file name was first loaded; kept across re-loads, so the canonical file of an
    -- issue that arrived under two names does not flip when one is re-loaded
    first_loaded_at timestamp not null,
    -- size:mtime_ns of the file as read; `wenling run` re-runs only files whose fingerprint changed
    file_fingerprint varchar
);
-- warehouses built before the column existed
alter table raw.issues add column if not exists file_fingerprint varchar;

create table if not exists raw.articles (
    source_file varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    seq integer not null,
    title varchar,
    kind varchar,
    reporters varchar[],
    body varchar,
    byline varchar,
    continued_to varchar
);

create table if not exists raw.article_terms (
    source_file varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    term varchar not null,
    tf integer not null
);

create table if not exists raw.entity_mentions (
    source_file varchar not null,
    mention_id varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    entity_type varchar not null,
    canonical_name varchar not null,
    surface varchar not null,
    start_char integer not null,
    end_char integer not null,
    sentence varchar,
    taxonomy_code varchar  -- industries: class in the taxonomy (GB4754:…, SEI2018:…), null if unplaced
);
alter table raw.entity_mentions add column if not exists taxonomy_code varchar;

create table if not exists raw.metrics (
    source_file varchar not null,
    metric_id varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    subject_name varchar,
    subject_type varchar,
    metric varchar not null,
    value double not null,
    unit varchar,
    value_normalized double,
    normalized_unit varchar,
    period_label varchar,
    period_start date,
    period_end date,
    evidence varchar not null,
    start_char integer not null,
    end_char integer not null
);

create table if not exists raw.project_mentions (
    source_file varchar not null,
    project_mention_id varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    project_name varchar not null,
    investment_value double,
    investment_unit varchar,
    investment_cny double,
    location varchar,
    company_name varchar,
    status varchar,
    evidence varchar not null,
    start_char integer not null,
    end_char integer not null
);

create table if not exists raw.events (
    source_file varchar not null,
    event_id varchar not null,
    article_id varchar not null,
    issue_id varchar not null,
    event_type varchar not null,
    event_date date,
    date_precision varchar not null,
    title varchar,
    location varchar,
    evidence varchar not null,
    start_char integer not null,
    end_char integer not null
);

-- Files that could not be taken in (or failed at a later stage), with the reason; and files
-- taken in after a repair (outcome 'flagged'). first_seen is kept across re-runs while the
-- problem stays the same; last_seen is run bookkeeping (it changes every run).
create table if not exists raw.rejected_files (
    source_file varchar not null,
    stage varchar not null,
    reason varchar not null,
    first_seen timestamp not null,
    last_seen timestamp not null,
    outcome varchar not null default 'rejected'  -- rejected | flagged
);
-- Warehouses built before the column existed.
alter table raw.rejected_files add column if not exists outcome varchar default 'rejected';

-- Files that were loaded (or rejected) and are no longer in raw/. Their rows are kept; this
-- table marks them (maintained by orchestration/warehouse/withdrawn.py before each dbt build).
-- A file that comes back is taken off the list.
create table if not exists raw.withdrawn_files (
    source_file varchar not null primary key,
    withdrawn_at timestamp not null
);

-- The issues whose rows changed since the last successful dbt build: the loader adds every issue
-- a loaded file carried before and carries now (an edit in place changes the issue_id; a
-- rejected file's old issue loses rows). The incremental fact models of dbt rebuild exactly
-- these issues; a successful build empties the table (a failed one leaves it for the next).
create table if not exists raw.pending_issues (
    issue_id varchar not null primary key
);

-- One row per successful dbt build: by which version of the dbt project's code
-- (orchestration/warehouse/dbt_runner.py). A build whose code differs from the last one's is a
-- full refresh, so no row built by older SQL stays in an incremental model.
create table if not exists raw.dbt_builds (
    code_version varchar not null,
    full_refresh boolean not null,
    built_at timestamp not null
);
