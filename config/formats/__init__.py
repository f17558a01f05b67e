"""The paper's date formats per language (FORMAT_MODULE_PATH).

Russian writes weekdays in lower case ("среда, 2 декабря 2026"), but Django's Russian catalogue
capitalises them; the site's catalogue (LOCALE_PATHS, read first) translates these msgids,
which are Django's own (django.utils.dates.WEEKDAYS), so the `l` format is right everywhere.
"""

from django.utils.translation import gettext_noop

WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
