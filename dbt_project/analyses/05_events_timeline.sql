-- What happened when? The events timeline, newest first (date precision says how sure the date is).
select
    event_date,
    date_precision,
    event_type,
    title,
    location,
    publication_date
from marts.events
where event_date is not null
order by event_date desc, event_type
