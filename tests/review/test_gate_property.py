"""Property: whatever the roles do, in any order, readers see only text that passed the gate.

A hypothesis state machine plays random sequences of role actions on a few articles through the
services (edit, submit, decide a claim, settle a flag, change a term or a rule and rescan, restore
an old version, approve, publish, unpublish, archive, request changes, add the reviewer as an
author), as the right role or the wrong one. Refusals are expected; after every step:

- `audit_published()` is empty: every public article's live revision passes the gate, and the audit
  trail backs each decision on it;
- an anonymous reader gets, at each public article's address, the live revision's text and nothing
  of any other revision, and a 404 at every other article's address.
"""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from articles.models import Article
from review import workflow
from review.models import Claim, Flag, RuleSetting, Term
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from review.services import article_rescan, article_save
from tests.review.factories import make_source, make_user

pytestmark = pytest.mark.django_db

SENTENCES = [
    "Magnesium is a mineral found in nuts and seeds.",
    "Magnesium helps muscles relax after exercise.",
    "Magnesium improves sleep quality in older adults.",
    "Use code SAVE20 for 20% off your first order.",
    "Magnesium cures insomnia.",
    "Nearly 60% of women do not meet their magnesium needs.",
]
TERM = ("disease", "insomnia")
RULE = "unsupported.statistic"
_names = itertools.count(1)


class Refused(Exception):
    pass


def attempt(service, **kwargs):
    """Run a service as a user would; a refusal (permission, gate, conflict) is an expected outcome."""
    try:
        return service(**kwargs)
    except (ValidationError, PermissionDenied):
        return None


class PublishingSite(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        n = next(_names)
        self.people = {"editor": make_user(EDITOR), "reviewer": make_user(REVIEWER),
                       "reviewer2": make_user(REVIEWER), "managing": make_user(MANAGING_EDITOR)}
        self.source = make_source()
        self.articles = []
        for i in range(2):
            article = Article(title=f"Property {n}-{i}", slug=f"property-{n}-{i}",
                              medical_reviewer=self.people["reviewer"].profile, body=self.body([0, 1]))
            article_save(article=article, user=self.people["editor"],
                         write_related=lambda a=article: a.authors.set([self.people["editor"].profile]))
            self.articles.append(article)
        self.client = Client()
        self.review_and_publish(0)  # one article starts on the site

    def diligent_review(self, article):
        """What a careful reviewer does: decide every claim and settle every flag with a reason."""
        for claim in article.claims.pending():
            attempt(workflow.claim_decide, claim=claim, user=self.people["reviewer"], decision=Claim.Status.APPROVED)
        for flag in Flag.objects.filter(article=article).unsettled():
            decision = Flag.Status.ACKNOWLEDGED if flag.severity == "note" or flag.status == "no_longer_raised" \
                else Flag.Status.DISMISSED
            attempt(workflow.flag_decide, flag=flag, user=self.people["reviewer"], decision=decision,
                    reason="Read in context: acceptable.")

    @rule(index=st.integers(0, 1))
    def review_and_publish(self, index):
        """The whole path, done properly: submit, review, approve, publish (each may be refused)."""
        article = self.fresh(index)
        attempt(workflow.article_submit, article=article, user=self.people["editor"])
        self.diligent_review(article)
        attempt(workflow.article_approve, article=self.fresh(index), user=self.people["reviewer"])
        attempt(workflow.article_publish, article=self.fresh(index), user=self.people["managing"])

    def body(self, indices):
        return "".join(f"<p>{SENTENCES[i]}[[cite:pmid:{self.source.pmid}]]</p>" for i in sorted(set(indices))) \
            or "<p>Magnesium.</p>"

    def fresh(self, index):
        return Article.objects.get(pk=self.articles[index].pk)

    # -- editors ---------------------------------------------------------------------------------

    @rule(index=st.integers(0, 1), sentences=st.lists(st.integers(0, len(SENTENCES) - 1), min_size=1, max_size=4))
    def edit(self, index, sentences):
        article = self.fresh(index)
        article.body = self.body(sentences)
        attempt(article_save, article=article, user=self.people["editor"])

    @rule(index=st.integers(0, 1))
    def add_the_reviewer_as_an_author(self, index):
        article = self.fresh(index)
        people = [self.people["editor"].profile, self.people["reviewer"].profile]
        attempt(article_save, article=article, user=self.people["editor"],
                write_related=lambda: article.authors.set(people))

    @rule(index=st.integers(0, 1), back=st.integers(1, 4))
    def restore_an_old_version(self, index, back):
        """The history's restore: an older revision's text saved again through the save path."""
        article = self.fresh(index)
        old = article.revisions.order_by("-number")[min(back, article.revisions.count() - 1):].first()
        if old is not None:
            article.body = old.body
            attempt(article_save, article=article, user=self.people["editor"])

    @rule(index=st.integers(0, 1))
    def submit(self, index):
        attempt(workflow.article_submit, article=self.fresh(index), user=self.people["editor"])

    # -- reviewers -------------------------------------------------------------------------------

    @rule(index=st.integers(0, 1), who=st.sampled_from(["reviewer", "reviewer2", "editor"]),
          decision=st.sampled_from([s for s in Claim.Status.values if s != Claim.Status.PENDING]), pick=st.integers(0, 9))
    def decide_a_claim(self, index, who, decision, pick):
        claims = list(Claim.objects.filter(article=self.articles[index]).order_by("pk"))
        if claims:
            claim = claims[pick % len(claims)]
            attempt(workflow.claim_decide, claim=claim, user=self.people[who], decision=decision, note="Because.")

    @rule(index=st.integers(0, 1), who=st.sampled_from(["reviewer", "reviewer2", "editor"]),
          decision=st.sampled_from([Flag.Status.DISMISSED, Flag.Status.ACKNOWLEDGED, "needs_change",
                                    Flag.Status.RESOLVED]), pick=st.integers(0, 9))
    def settle_a_flag(self, index, who, decision, pick):
        flags = list(Flag.objects.filter(article=self.articles[index]).order_by("pk"))
        if flags:
            attempt(workflow.flag_decide, flag=flags[pick % len(flags)], user=self.people[who], decision=decision,
                    reason="Checked.")

    @rule(index=st.integers(0, 1))
    def approve(self, index):
        attempt(workflow.article_approve, article=self.fresh(index), user=self.people["reviewer"])

    @rule(index=st.integers(0, 1))
    def request_changes(self, index):
        attempt(workflow.article_request_changes, article=self.fresh(index), user=self.people["reviewer2"],
                note="Please cite this.")

    # -- managing editors --------------------------------------------------------------------------

    @rule(index=st.integers(0, 1), action=st.sampled_from(["publish", "unpublish", "archive", "restore"]))
    def transition(self, index, action):
        attempt(workflow.perform, name=action, article=self.fresh(index), user=self.people["managing"])

    @rule(active=st.booleans(), enabled=st.booleans())
    def change_a_term_and_a_rule_then_rescan(self, active, enabled):
        Term.objects.update_or_create(kind=TERM[0], value=TERM[1], defaults={"active": active})
        RuleSetting.objects.update_or_create(code=RULE, defaults={"enabled": enabled})
        for article in self.articles:
            article_rescan(article=Article.objects.get(pk=article.pk), cause="Rules changed.")

    # -- the invariant ---------------------------------------------------------------------------

    @invariant()
    def readers_see_only_text_that_passed_the_gate(self):
        assert workflow.audit_published() == []
        for article in self.articles:
            article = Article.objects.select_related("live_revision").get(pk=article.pk)
            response = self.client.get(article.get_absolute_url())
            if not article.is_public:
                assert response.status_code == 404
                continue
            assert response.status_code == 200
            page, live = response.content.decode(), article.live_revision.body_text
            for sentence in SENTENCES:
                assert (sentence in page) == (sentence in live), sentence


def test_readers_see_only_text_that_passed_the_gate(db):
    run_state_machine_as_test(PublishingSite, settings=settings(
        max_examples=20, stateful_step_count=14, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
