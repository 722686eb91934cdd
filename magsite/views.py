from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Liveness and database check for load balancers: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy"; report it, don't raise
        return JsonResponse({"status": "error", "database": "unavailable", "detail": exc.__class__.__name__},
                            status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
