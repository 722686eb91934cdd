import logging

from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    """Liveness and database check for load balancers: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy": log it and answer 503
        logger.warning("healthz: database check failed", exc_info=True)
        return JsonResponse({"status": "error", "database": "unavailable", "detail": exc.__class__.__name__},
                            status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request, exception=None):
    """handler403: say why, in the admin's look for admin pages (a role's refused action) and the
    site's elsewhere."""
    reason = str(exception or "") or "Your role does not allow this."
    template = "admin/403.html" if request.path.startswith("/admin/") else "403.html"
    context = {"reason": reason, **(admin.site.each_context(request) if template.startswith("admin/") else {})}
    return render(request, template, context, status=403)


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): a 429 page in the admin's
    look, with its name, saying for how long, rather than axes' bare text."""
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed sign-ins",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/lockout.html", context, status=429)
