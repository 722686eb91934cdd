from django.conf import settings
from django.middleware import csp


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with a slightly wider policy for the admin only.

    CKEditor 4 writes inline styles into its editing iframe; the public site needs none, so the
    public policy stays strict and only /admin/ gets 'unsafe-inline' for styles.
    """

    def process_response(self, request, response):
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.MAGSITE_ADMIN_CSP
        return super().process_response(request, response)
