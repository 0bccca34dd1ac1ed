{#-
    Name normalisation used to resolve the same thing printed slightly differently
    (the scorer's `norm`, minus what SQL cannot do cheaply):
      * full-width ASCII letters, digits and punctuation → half-width (ＡＩ → AI, （ → ( );
      * every whitespace character (incl. U+3000 ideographic space) removed;
      * quotes and title marks removed: " ' “ ” ‘ ’ 「 」 『 』 《 》 〈 〉 ＂ ＇
    NULL stays NULL. Written with `translate` and `regexp_replace(…, 'g')`, which DuckDB and
    Postgres share; other adapters can override `<adapter>__normalize_name`.
-#}
{% macro normalize_name(expr) -%}
    {{ return(adapter.dispatch('normalize_name', 'wenling')(expr)) }}
{%- endmacro %}

{% macro default__normalize_name(expr) -%}
    regexp_replace(
        translate(
            {{ expr }},
            '！＃＄％＆（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～',
            '!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~'
        ),
        '[\s\p{Z}"''“”‘’「」『』《》〈〉＂＇]',
        '',
        'g'
    )
{%- endmacro %}


{#-
    Resolution key of a project: the normalised name with any trailing 项目/工程 stripped
    (中昊芯英AI算力产业基地项目 and “中昊芯英AI算力产业基地” share one key). A name that is
    nothing but the suffix gets the empty key (callers drop it: it names no project).
-#}
{% macro project_key(expr) -%}
    regexp_replace({{ normalize_name(expr) }}, '(项目|工程)+$', '')
{%- endmacro %}


{#- Text with leading/trailing whitespace (incl. U+3000) removed. -#}
{% macro strip_text(expr) -%}
    regexp_replace({{ expr }}, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g')
{%- endmacro %}


{#- Stripped text with blanks turned into NULL. -#}
{% macro clean_text(expr) -%}
    nullif({{ strip_text(expr) }}, '')
{%- endmacro %}
