from django.db import migrations

# A Russian reader's words as a text-search query (issue 15): each word stemmed by
# PostgreSQL's Russian Snowball (stop words dropped, as plainto_tsquery does), and a place
# found by its adjective and the adjective by its place: "Краславской" (краславск) finds
# "Краслава" (краслав) and the other way round, "Прейли" (прейл) finds "прейльский"
# (прейльск). Irregular ones the paper writes about are listed: Рига/рижский,
# Дагда/дагдинский, Резекне/резекненский. The stem left after taking "ск" off an adjective
# must keep four letters, so "риск" and "доска" stay themselves. Plain SQL, so that a
# managed PostgreSQL without custom dictionary files runs it too.
CREATE = r"""
CREATE FUNCTION russian_search_query(words text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg('(' || variants || ')', ' & '), '')::tsquery
    FROM (
        SELECT (
            SELECT string_agg(DISTINCT quote_literal(variant), ' | ')
            FROM unnest(ARRAY[
                stem,
                irregular.place,
                irregular.adjective,
                CASE WHEN stem ~ '.{4}ьск$' THEN left(stem, -3) END,
                CASE WHEN stem ~ '.{4}ск$' THEN left(stem, -2) END,
                CASE WHEN stem !~ 'ск$' AND length(stem) >= 4 THEN stem || 'ск' END,
                CASE WHEN stem !~ 'ск$' AND length(stem) >= 4 THEN stem || 'ьск' END
            ]) AS variant
            WHERE variant IS NOT NULL
        ) AS variants
        FROM unnest(tsvector_to_array(to_tsvector('russian', words))) AS stem
        LEFT JOIN (VALUES ('риг', 'рижск'), ('дагд', 'дагдинск'), ('резекн', 'резекненск'))
            AS irregular (place, adjective) ON stem IN (irregular.place, irregular.adjective)
    ) AS word
$$
"""


class Migration(migrations.Migration):
    dependencies = [("news", "0003_listing_order_indexes")]

    operations = [
        migrations.RunSQL(CREATE, reverse_sql="DROP FUNCTION russian_search_query(text)"),
    ]
