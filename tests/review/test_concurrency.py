"""Concurrent writers, with real connections and threads.

PostgreSQL: two transitions at once, a transition against an editor's save, two claim decisions:
the article row is locked by whoever writes first, and the second writer either waits and then
sees the first one's result, or is refused with a message; nothing is lost or carried back.

SQLite (`make run`'s default): transactions begin IMMEDIATE, so a second writer waits for the
first and, past the timeout, fails at BEGIN (before writing anything) with "database is locked",
which the site answers with its busy page (tests/review/test_attacks.py, attack 9), never a 500.
"""

import threading
import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from articles.models import Article
from review import workflow
from review.models import Claim
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from review.services import article_save
from tests.review.factories import add_claim, make_article, make_source, make_user

S = Article.Status
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="row locks between two connections: PostgreSQL")


def run_in_thread(target, *args):
    """Run `target` in a thread with its own database connection; return (thread, outcome list)."""
    outcome = []

    def wrapped():
        try:
            outcome.append(("ok", target(*args)))
        except Exception as exc:  # the test inspects it
            outcome.append(("error", exc))
        finally:
            connections.close_all()

    thread = threading.Thread(target=wrapped)
    thread.start()
    return thread, outcome


@pytest.fixture
def people(transactional_db):
    return {"editor": make_user(EDITOR), "reviewer": make_user(REVIEWER), "reviewer2": make_user(REVIEWER),
            "managing": make_user(MANAGING_EDITOR)}


def approved(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.APPROVED)
    add_claim(article, status=Claim.Status.APPROVED)
    return article


def hold_row_then(article, action, held, release):
    """In this thread's transaction: lock the article row, say so, wait, then run `action`."""
    with transaction.atomic():
        Article.objects.select_for_update().get(pk=article.pk)
        held.set()
        release.wait(10)
        return action()


@postgres_only
def test_two_transitions_at_once_the_second_sees_the_first(people):
    article = approved(people)
    held, release = threading.Event(), threading.Event()
    first, first_out = run_in_thread(hold_row_then, article,
                                     lambda: workflow.article_archive(article=article, user=people["managing"]),
                                     held, release)
    assert held.wait(10)
    second, second_out = run_in_thread(lambda: workflow.article_publish(article=article, user=people["managing"]))
    time.sleep(0.3)
    assert second.is_alive(), "the publish should wait for the row the archive holds"
    release.set()
    first.join(10)
    second.join(10)
    assert first_out[0][0] == "ok"
    assert second_out[0][0] == "error" and isinstance(second_out[0][1], ValidationError)
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.ARCHIVED and stored.live_revision_id is None
    assert workflow.audit_published() == []


@postgres_only
def test_an_editors_save_against_an_archive_never_brings_back_the_old_status(people):
    source = make_source()
    article = Article(title="Race", slug="race", body=f"<p>Magnesium helps muscles relax.[[cite:pmid:{source.pmid}]]</p>",
                      medical_reviewer=people["reviewer"].profile)
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile]))
    workflow.article_submit(article=article, user=people["editor"])
    for claim in article.claims.pending():
        workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.APPROVED)
    workflow.article_approve(article=article, user=people["reviewer"])
    workflow.article_publish(article=article, user=people["managing"])
    opened = Article.objects.get(pk=article.pk)  # the editor's form, opened while it is published
    workflow.article_archive(article=article, user=people["managing"])
    opened.standfirst = "Edited in a form opened before the archive."
    with pytest.raises(ValidationError, match="Someone else saved this article"):
        article_save(article=opened, user=people["editor"], expected_version=opened.version)
    # Even a save with no version to check writes content columns only: the status stays archived.
    article_save(article=opened, user=people["editor"])
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.ARCHIVED and stored.live_revision_id is None


@postgres_only
def test_a_save_waits_for_a_transition_holding_the_row_and_keeps_its_result(people):
    article = approved(people)
    held, release = threading.Event(), threading.Event()
    first, first_out = run_in_thread(hold_row_then, article,
                                     lambda: workflow.article_publish(article=article, user=people["managing"]),
                                     held, release)
    assert held.wait(10)
    editing = Article.objects.get(pk=article.pk)
    editing.standfirst = "Saved while it was being published."
    second, second_out = run_in_thread(lambda: article_save(article=editing, user=people["editor"]))
    time.sleep(0.3)
    assert second.is_alive(), "the save should wait for the row the publish holds"
    release.set()
    first.join(10)
    second.join(10)
    assert first_out[0][0] == "ok" and second_out[0][0] == "ok"
    stored = Article.objects.get(pk=article.pk)
    # Published revision 1; the save made revision 2 and sent the article back to review, with
    # revision 1 still live: nothing of either writer was lost.
    assert stored.live_revision.number == 1 and stored.status == S.IN_REVIEW
    assert stored.revisions.count() == 2 and stored.standfirst == "Saved while it was being published."


@postgres_only
def test_two_reviewers_deciding_one_claim_at_once_first_wins(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    claim = add_claim(article)
    barrier = threading.Barrier(2)

    def decide(user, decision):
        barrier.wait(5)
        return workflow.claim_decide(claim=Claim.objects.get(pk=claim.pk), user=user, decision=decision,
                                     note="", expected_status=Claim.Status.PENDING)

    a, a_out = run_in_thread(decide, people["reviewer"], Claim.Status.APPROVED)
    b, b_out = run_in_thread(decide, people["reviewer2"], Claim.Status.NOT_A_CLAIM)
    a.join(10)
    b.join(10)
    outcomes = sorted(kind for kind, _ in a_out + b_out)
    assert outcomes == ["error", "ok"]
    error = next(value for kind, value in a_out + b_out if kind == "error")
    assert isinstance(error, workflow.ConflictError) and "decided this claim first" in str(error)
    assert Claim.objects.get(pk=claim.pk).status in (Claim.Status.APPROVED, Claim.Status.NOT_A_CLAIM)


def test_sqlite_writers_begin_immediate_so_a_second_one_waits_and_fails_before_writing(tmp_path, django_db_blocker):
    """With the site's SQLite options, the second writer's transaction cannot start while the first
    holds the database, and fails at BEGIN with "database is locked" once its timeout passes."""
    options = {**settings.DATABASES["default"].get("OPTIONS", {}), "timeout": 0.3}
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:  # the same options apply whenever the site runs on SQLite (magsite/settings.py)
        options = {"transaction_mode": "IMMEDIATE", "timeout": 0.3,
                   "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    path = str(tmp_path / "locks.sqlite3")

    def wrapper():
        return SQLiteWrapper({"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": options,
                              "TIME_ZONE": None, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False,
                              "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}, "USER": "", "PASSWORD": "",
                              "HOST": "", "PORT": ""}, alias="locks")

    with django_db_blocker.unblock():  # its own throwaway database file, not the test database
        _two_writers(wrapper)


def _two_writers(wrapper):
    first = wrapper()
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n integer)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    first.set_autocommit(False)  # BEGIN IMMEDIATE: the write lock, held from the start
    with first.cursor() as cursor:
        cursor.execute("UPDATE counter SET n = n + 1")
    second = wrapper()
    started = time.monotonic()
    with pytest.raises(OperationalError, match="locked"):
        second.set_autocommit(False)
        with second.cursor() as cursor:
            cursor.execute("UPDATE counter SET n = n + 10")
    assert time.monotonic() - started >= 0.25  # it waited for the first writer before giving up
    first.commit()
    first.close()
    second.close()
    check = wrapper()
    with check.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == 1  # the first write, whole; nothing of the second
    check.close()
