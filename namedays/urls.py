from django.urls import path, register_converter

from namedays import views
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


register_converter(MonthDayConverter, "month_day")

app_name = "namedays"

urlpatterns = [
    path("", views.today, name="today"),
    path("kalendars/", views.year_calendar, name="calendar"),
    path("meklet/", views.search, name="search"),
    path("<month_day:date>/", views.day, name="day"),
]
