from django.urls import path

from polls import views

app_name = "polls"

urlpatterns = [
    path("", views.poll_list, name="poll_list"),
    path("<slug:slug>/", views.poll_detail, name="poll_detail"),
    path("<slug:slug>/balsot/", views.vote, name="vote"),
    path("<slug:slug>/stavoklis/", views.poll_state, name="poll_state"),
]
