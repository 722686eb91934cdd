from django.urls import path

from review import views

app_name = "review"

urlpatterns = [
    path("how-we-review/", views.how_we_review, name="how_we_review"),
]
