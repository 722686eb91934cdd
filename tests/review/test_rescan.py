"""Re-scanning keeps reviewers' work: dismissed flags stay dismissed, edited-away flags resolve
as "text changed", unchanged claims keep their status."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from review import workflow
from review.models import Claim, Flag, RuleSetting, Term
from review.roles import EDITOR, REVIEWER
from review.services import article_save, article_scan
from tests.review.factories import make_source, make_user

pytestmark = pytest.mark.django_db

PLUG = "<p>NervaCalm Max is the best magnesium supplement you can buy, so order it today.</p>"


def body(source, *extra):
    return "".join([
        "<p>Studies have found that magnesium improves sleep in older adults.</p>",
        f"<p>Magnesium glycinate may reduce muscle cramps in some adults.[[cite:pmid:{source.pmid}]]</p>",
        *extra,
    ])


@pytest.fixture
def setup():
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    source = make_source()
    article = Article(title="Sleep and magnesium", slug="sleep", body=body(source))
    article_save(article=article, user=editor)
    article.authors.add(editor.profile)
    return article, source, editor, reviewer


def test_saving_raises_flags_and_claims_with_spans_into_the_text(setup):
    article, *_ = setup
    flag = Flag.objects.get(article=article, rule="unsupported.research_appeal")
    assert article.body_text[flag.start:flag.end] == flag.excerpt
    assert flag.status == Flag.Status.OPEN and "Standard:" in flag.message
    assert Claim.objects.filter(article=article, is_current=True).exists()


def test_dismissed_flag_survives_an_edit_elsewhere_and_a_rescan(setup):
    article, source, editor, reviewer = setup
    flag = Flag.objects.get(article=article, rule="unsupported.research_appeal")
    workflow.flag_decide(flag=flag, user=reviewer, decision=Flag.Status.DISMISSED, reason="Cited in the next line")
    article.body = "<p>A new opening paragraph moves every span.</p>" + body(source)
    article_save(article=article, user=editor)
    call_command("rescan", "--all", stdout=io.StringIO())
    flag.refresh_from_db()
    assert flag.status == Flag.Status.DISMISSED
    assert flag.resolution_note == "Cited in the next line"
    assert article.body_text[flag.start:flag.end] == flag.excerpt  # span moved with the text
    assert Flag.objects.filter(article=article, rule="unsupported.research_appeal").count() == 1


def test_flag_whose_text_is_edited_away_resolves_as_text_changed(setup):
    article, source, editor, _ = setup
    article.body = f"<p>Magnesium glycinate may reduce muscle cramps in some adults.[[cite:pmid:{source.pmid}]]</p>"
    article_save(article=article, user=editor)
    flag = Flag.objects.get(article=article, rule="unsupported.research_appeal")
    assert flag.status == Flag.Status.TEXT_CHANGED


def test_unchanged_claim_keeps_its_review_status_and_edited_claim_is_new(setup):
    article, source, editor, reviewer = setup
    Article.objects.filter(pk=article.pk).update(status=Article.Status.IN_REVIEW)
    claims = list(Claim.objects.filter(article=article, is_current=True))
    for claim in claims:
        workflow.claim_decide(claim=claim, user=reviewer, decision=Claim.Status.APPROVED)
    article.refresh_from_db()
    article.body = body(source, "<p>Magnesium citrate relieves constipation in most adults.</p>")
    article_save(article=article, user=editor)
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == Claim.Status.APPROVED and claim.is_current
    new = Claim.objects.filter(article=article, is_current=True, status=Claim.Status.PENDING)
    assert [c.text for c in new] and "citrate" in new[0].text


def test_rule_switched_off_in_the_admin_stops_firing_and_terms_are_data(setup):
    article, source, editor, _ = setup
    RuleSetting.objects.create(code="unsupported.research_appeal", enabled=False)
    Term.objects.get_or_create(kind="product", value="NervaCalm Max")
    article.body = body(source, PLUG)
    article_save(article=article, user=editor)
    # The flagged text is still there: switching the rule off does not settle its flag; a reviewer
    # acknowledges it ("no longer raised by the rules"), and until then the gate holds the article.
    flag = Flag.objects.get(article=article, rule="unsupported.research_appeal")
    assert flag.status == Flag.Status.NO_LONGER_RAISED
    assert any("no longer raised by the rules" in p for p in workflow.publish_gate_problems(article))
    plug = Flag.objects.filter(article=article, category="promotional", status=Flag.Status.OPEN)
    assert plug.exists()


def test_severity_override_applies_on_rescan(setup):
    article, *_ = setup
    RuleSetting.objects.create(code="unsupported.research_appeal", enabled=True, severity="blocker")
    article_scan(article=article)
    assert Flag.objects.get(article=article, rule="unsupported.research_appeal").severity == "blocker"


def test_rescan_command_reports_and_refuses_bad_arguments(setup):
    article, *_ = setup
    out = io.StringIO()
    call_command("rescan", article.slug, stdout=out)
    assert "Re-scanned 1 article(s)" in out.getvalue()
    with pytest.raises(CommandError, match="No article with slug: nope"):
        call_command("rescan", "nope", stdout=io.StringIO())
    with pytest.raises(CommandError, match="slugs or --all"):
        call_command("rescan", stdout=io.StringIO())


@pytest.mark.django_db
def test_migrations_seed_every_default_term():
    """The term migrations (0003 seeds the lists, a later one adds the entries added since) leave
    every default word-list entry in the database, so the rules read the same lists from the
    database as from RuleConfig.defaults(). Run on an empty table: transactional tests elsewhere
    in the suite flush the rows the migrations wrote."""
    from importlib import import_module

    from moderation import TERM_KINDS, RuleConfig

    class apps:  # noqa: N801 - stands in for the migration state: Term lived in the articles app then
        @staticmethod
        def get_model(app_label, name):
            assert (app_label, name) == ("articles", "Term")
            return Term

    seed = import_module("articles.migrations.0003_roles_and_terms").seed_terms
    more = import_module("articles.migrations.0007_more_default_terms")
    defaults = RuleConfig.defaults()
    for kind, values in more.ADDED.items():
        assert set(values) <= set(getattr(defaults, TERM_KINDS[kind][0])), kind
    Term.objects.all().delete()
    seed(apps, None)
    more.add_terms(apps, None)
    more.add_terms(apps, None)  # a second run adds nothing and fails on nothing
    stored = set(Term.objects.values_list("kind", "value"))
    expected = {(kind, value) for kind, (field, _help) in TERM_KINDS.items() for value in getattr(defaults, field)}
    assert stored == expected
