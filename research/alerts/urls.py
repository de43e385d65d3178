from django.urls import path

from research.alerts import views

app_name = "condition_alerts"

urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("follow/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
