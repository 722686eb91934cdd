from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.http import require_safe

from articles import views as article_views
from articles.sitemaps import sitemaps
from magsite import views
from magsite.cache import cache_public_page

admin.site.site_header = "MagSite editorial"
admin.site.site_title = "MagSite editorial"
admin.site.index_title = "Articles, reviews and reference data"
admin.site.index_template = "admin/magsite_index.html"  # adds the editorial desk panel

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("reference/", include("reference.urls")),
    path("", include("review.urls")),
    path("sitemap.xml", require_safe(cache_public_page(sitemap_views.sitemap)), {"sitemaps": sitemaps()},
         name="sitemap"),
    path("robots.txt", article_views.robots_txt, name="robots_txt"),
    path("", include("articles.urls")),
]

handler404 = "articles.views.page_not_found"
handler403 = "magsite.views.permission_denied"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
