{#-
    Every row's [start_char, end_char) span (end exclusive, in characters) lies inside the
    body of its article: 0 <= start_char < end_char <= length(body). Rows whose article is
    missing fail too. Usage (on the model):

        data_tests:
          - span_within_body:
              arguments:
                articles: ref('articles')
-#}
{% test span_within_body(model, articles, article_id='article_id', start_char='start_char', end_char='end_char', body='body') %}

select
    f.{{ article_id }} as article_id,
    f.{{ start_char }} as start_char,
    f.{{ end_char }} as end_char,
    {{ dbt.length('a.' ~ body) }} as body_length
from (select * from {{ model }}) as f  -- {{ model }} may be a filtered subquery (where config)
left join {{ articles }} as a
    on a.{{ article_id }} = f.{{ article_id }}
where a.{{ article_id }} is null
   or f.{{ start_char }} is null
   or f.{{ end_char }} is null
   or f.{{ start_char }} < 0
   or f.{{ start_char }} >= f.{{ end_char }}
   or f.{{ end_char }} > {{ dbt.length('a.' ~ body) }}

{% endtest %}
