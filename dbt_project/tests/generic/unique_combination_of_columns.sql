{#-
    No two rows share the same values in all of `combination_of_columns` (a compound key).

        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [project_id, article_id]
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1

{% endtest %}
