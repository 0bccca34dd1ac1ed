-- Which companies does the paper write about most, and since when?
select
    company_name,
    n_mentions,
    n_articles,
    n_issues,
    first_seen_date,
    last_seen_date,
    aliases
from marts.companies
order by n_mentions desc, company_name
limit 20
