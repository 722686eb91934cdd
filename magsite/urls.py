from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from magsite import views

admin.site.site_header = "MagSite editorial"
admin.site.site_title = "MagSite editorial"
admin.site.index_title = "Articles, reviews and reference data"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("reference/", include("reference.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
