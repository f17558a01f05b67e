from django.urls import path

from pages import views

app_name = "pages"

# Included under "lapas/" ("pages") in config/urls.py.
urlpatterns = [
    path("<slug:slug>/", views.page_detail, name="page_detail"),
]
