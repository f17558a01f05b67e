from django.urls import path

from namedays import views

app_name = "namedays"

urlpatterns = [
    path("", views.today, name="today"),
    path("kalendars/", views.year_calendar, name="calendar"),
    path("meklet/", views.search, name="search"),
    path("<month_day:date>/", views.day, name="day"),
]
