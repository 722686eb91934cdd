from django.urls import path

from magsite.cache import cache_public_page
from reference import views

app_name = "reference"

urlpatterns = [
    path("", cache_public_page(views.index), name="index"),
    path("forms/", cache_public_page(views.MagnesiumFormListView.as_view()), name="form_list"),
    path("forms/<slug:slug>/", cache_public_page(views.MagnesiumFormDetailView.as_view()), name="form_detail"),
    path("foods/", cache_public_page(views.FoodListView.as_view()), name="food_list"),
    path("foods/<slug:slug>/", cache_public_page(views.FoodDetailView.as_view()), name="food_detail"),
    path("conditions/", cache_public_page(views.ConditionListView.as_view()), name="condition_list"),
    path("conditions/<slug:slug>/", cache_public_page(views.ConditionDetailView.as_view()), name="condition_detail"),
    path("intake/", cache_public_page(views.intake), name="intake"),
]
