from django.urls import path

from reference import views

app_name = "reference"

urlpatterns = [
    path("", views.index, name="index"),
    path("forms/", views.MagnesiumFormListView.as_view(), name="form_list"),
    path("forms/<slug:slug>/", views.MagnesiumFormDetailView.as_view(), name="form_detail"),
    path("foods/", views.FoodListView.as_view(), name="food_list"),
    path("foods/<slug:slug>/", views.FoodDetailView.as_view(), name="food_detail"),
    path("conditions/", views.ConditionListView.as_view(), name="condition_list"),
    path("conditions/<slug:slug>/", views.ConditionDetailView.as_view(), name="condition_detail"),
    path("intake/", views.intake, name="intake"),
]
