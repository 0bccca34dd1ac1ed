-- Projects of 10亿元 or more, and how far they have come.
select
    project_name,
    investment_value,
    investment_unit,
    latest_status,
    latest_status_date,
    location,
    company_name,
    last_seen_date
from marts.projects
where investment_cny >= 1e9
order by investment_cny desc
