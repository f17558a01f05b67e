"""A day of the name-day calendar in an address: /vardadienas/11-14/."""

from namedays.models import calendar_date


class MonthDayConverter:
    """MM-DD in a URL ("11-14") and a date; an impossible day ("02-30", "13-01") matches nothing."""

    regex = r"[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        date = calendar_date(int(value[:2]), int(value[3:]))
        if date is None:
            raise ValueError(f"No such day: {value}")
        return date

    def to_url(self, value):
        return value.strftime("%m-%d")
