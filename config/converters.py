"""Dates in addresses as the paper writes them: /zinas/2024/05/21/ and /zinas/2024/05/.

An impossible date (30 February, month 13, year 0) does not match, so it is a 404 before
any view runs; views receive `datetime.date` objects.
"""

import datetime


class DateConverter:
    regex = "[0-9]{4}/[0-9]{2}/[0-9]{2}"

    def to_python(self, value):
        year, month, day = map(int, value.split("/"))
        # The last year is refused too: a day's end and a month's end must exist.
        if not datetime.MINYEAR < year < datetime.MAXYEAR:
            raise ValueError(value)
        return datetime.date(year, month, day)

    def to_url(self, value):
        return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"


class MonthConverter:
    """A month, as the date of its first day."""

    regex = "[0-9]{4}/[0-9]{2}"

    def to_python(self, value):
        return DateConverter().to_python(f"{value}/01")

    def to_url(self, value):
        return f"{value.year:04d}/{value.month:02d}"
