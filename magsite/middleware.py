from django.conf import settings
from django.db import OperationalError
from django.middleware import csp
from django.template.response import TemplateResponse

BUSY_RETRY_SECONDS = 5


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with a slightly wider policy for the admin only.

    CKEditor 4 writes inline styles into its editing iframe; the public site needs none, so the
    public policy stays strict and only /admin/ gets 'unsafe-inline' for styles.
    """

    def process_response(self, request, response):
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.MAGSITE_ADMIN_CSP
        return super().process_response(request, response)


class DatabaseBusyMiddleware:
    """A write that found the database busy past its timeout ("database is locked": SQLite allows
    one writer at a time) answers 503 with Retry-After and a page saying nothing was saved, instead
    of a server error. The transaction was rolled back, so nothing was half-written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, OperationalError) and "locked" in str(exception).lower()):
            return None
        response = TemplateResponse(request, "503_busy.html", {"retry_after": BUSY_RETRY_SECONDS}, status=503)
        response["Retry-After"] = str(BUSY_RETRY_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
