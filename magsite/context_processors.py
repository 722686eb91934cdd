from django.conf import settings


def site(request):
    """Site-wide names for templates (header, meta tags, canonical URLs)."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}
