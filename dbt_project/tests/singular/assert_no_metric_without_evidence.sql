-- No metric without evidence: every quantitative statement carries the (non-blank) sentence
-- it comes from and a non-empty span.
-- An incremental build checks the rebuilt issues' facts only (tested_rows, macros/incremental_by_issue.sql).
select metric_id, evidence, start_char, end_char
from {{ tested_rows(ref('metrics')) }}
where evidence is null
   or {{ strip_text('evidence') }} = ''
   or start_char is null
   or end_char is null
   or end_char <= start_char
