{#-
    Every row satisfies a boolean SQL expression (rows where it is false or null fail),
    optionally only rows matching `where`.

        data_tests:
          - expression_is_true:
              arguments:
                expression: "period_start <= period_end"
              config:
                where: "period_start is not null and period_end is not null"
-#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not coalesce(({{ expression }}), false)

{% endtest %}
