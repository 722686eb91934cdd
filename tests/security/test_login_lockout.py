"""Failed sign-ins are limited (django-axes): after 5 failures for one account from one address,
that account is locked out from that address for 15 minutes (a clear 429 page, not a 500), even
with the right password; other accounts and other addresses are unaffected."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone

from review.roles import EDITOR
from tests.review.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "pw-test-12345"  # tests/workflow/factories.make_user's
LOGIN = "/admin/login/?next=/admin/"


def sign_in(username, password, ip="198.51.100.1"):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, client


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(username, times, ip="198.51.100.1"):
    return [sign_in(username, "wrong-password", ip)[0] for _ in range(times)]


def test_settings_lock_username_and_address_together_for_15_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_five_failures_lock_the_account_from_that_address_even_for_the_right_password():
    user = make_user(EDITOR)
    responses = fail(user.username, 5)
    assert [r.status_code for r in responses[:4]] == [200] * 4  # the form again, with its error
    assert "Please enter the correct username and password" in responses[0].content.decode()
    locked = responses[4]
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed sign-ins" in page and "paused for 15 minutes" in page
    assert locked["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in locked

    response, client = sign_in(user.username, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_other_accounts_and_other_addresses_are_unaffected():
    user, colleague = make_user(EDITOR), make_user(EDITOR)
    fail(user.username, 5)
    response, client = sign_in(colleague.username, PASSWORD)  # same address, another account
    assert response.status_code == 302 and signed_in(client)
    response, client = sign_in(user.username, PASSWORD, ip="203.0.113.50")  # same account, elsewhere
    assert response.status_code == 302 and signed_in(client)


def test_the_lockout_ends_after_the_cool_off():
    user = make_user(EDITOR)
    fail(user.username, 5)
    assert sign_in(user.username, PASSWORD)[0].status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response, client = sign_in(user.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_a_successful_sign_in_resets_the_count():
    user = make_user(EDITOR)
    fail(user.username, 4)
    assert sign_in(user.username, PASSWORD)[0].status_code == 302
    assert [r.status_code for r in fail(user.username, 4)] == [200] * 4


def test_a_forged_forwarded_for_header_does_not_reset_the_address():
    """Without MAGSITE_BEHIND_PROXY, X-Forwarded-For is the client's word: ignored."""
    user = make_user(EDITOR)
    for n in range(5):
        Client(REMOTE_ADDR="198.51.100.1").post(LOGIN, {"username": user.username, "password": "x"},
                                                HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = Client(REMOTE_ADDR="198.51.100.1").post(LOGIN, {"username": user.username, "password": PASSWORD},
                                                       HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 429
