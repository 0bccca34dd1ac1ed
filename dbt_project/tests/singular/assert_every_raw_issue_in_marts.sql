-- Every issue loaded into raw (whatever the file name) is exactly one row of marts.issues,
-- under its canonical (first loaded) file.
with raw_issues as (

    select issue_id, source_file
    from {{ ref('int_issue_sources') }}
    where is_canonical

)

select r.issue_id, r.source_file as expected_source_file, i.source_file
from raw_issues as r
full outer join {{ ref('issues') }} as i
    on i.issue_id = r.issue_id
where r.issue_id is null
   or i.issue_id is null
   or i.source_file <> r.source_file
