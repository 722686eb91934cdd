"""The reviewer's screens in the admin (the review page of one article and the workflow actions),
and the public "How we review" page.

Plain HTML forms posting to the server (no JavaScript needed, every control reachable by
keyboard). Every POST goes through review.workflow, which enforces the roles.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from articles.models import Article, ArticleCitation, AuthorProfile
from articles.views import canonical
from magsite.cache import cache_public_page
from review import workflow
from review.forms import ScheduleForm
from review.highlight import highlight, with_citation_numbers
from review.models import AuditEvent, Claim, Flag
from review.policy import review_policy


def review_url(article):
    return reverse("admin:review_reviewqueueitem_review", args=[article.pk])


def _errors(exc):
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc) or "Your role does not allow this."


def review_screen(request, model_admin, object_id):
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(
        Article.objects.select_related("medical_reviewer", "live_revision").prefetch_related("authors"), pk=object_id)
    revision = workflow.latest_revision(article)
    claims = list(
        Claim.objects.filter(article=article, is_current=True).select_related("decided_by__profile")
        .prefetch_related("citations").order_by("start")
    )
    flags = list(Flag.objects.filter(article=article).select_related("resolved_by").order_by("status", "start"))
    open_flags = [f for f in flags if f.status in (Flag.Status.OPEN, Flag.Status.NO_LONGER_RAISED)]
    citations = list(ArticleCitation.objects.filter(article=article).select_related("source"))
    number_by_source = {c.source_id: c.number for c in citations}
    numbered = [(c.number, c.source) for c in citations]
    user = request.user
    can_review = workflow.may_review(user, article)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Review: {article.title}",
        "article": article,
        "highlighted": highlight(article.body_text, flags=open_flags, claims=claims, citations=numbered),
        "claims": [(c, with_citation_numbers(c.text, numbered),
                    [(number_by_source.get(s.pk), s) for s in c.citations.all()]) for c in claims],
        "revision": revision,
        "open_flags": open_flags,
        "settled_flags": [f for f in flags if f not in open_flags],
        "can_settle": workflow.may_settle_flag(user, article),
        "citations": citations,
        "gate_problems": workflow.publish_gate_problems(article),
        "transitions": workflow.available_transitions(article, user),
        "can_review": can_review,
        "is_author": workflow.is_author(user, article),
        "can_assign": workflow.may_assign_reviewer(user, article),
        "reviewers": AuthorProfile.objects.filter(is_medical_reviewer=True).exclude(
            pk__in=[a.pk for a in article.authors.all()]),
        "can_see_audit": user.has_perm("articles.view_audit_trail"),
        "audit": AuditEvent.objects.filter(article=article).select_related("actor", "claim", "flag")[:100],
        "claim_choices": [s for s in Claim.Status if s != Claim.Status.PENDING],
        "change_url": reverse("admin:articles_article_change", args=[article.pk]),
    }
    return TemplateResponse(request, "admin/review/review_screen.html", context)


@require_POST
def decide_claim(request, model_admin, object_id, claim_id):
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id, article_id=object_id)
    try:
        workflow.claim_decide(claim=claim, user=request.user, decision=request.POST.get("decision", ""),
                              note=request.POST.get("note", ""), expected_status=request.POST.get("expected_status"))
    except ValidationError as exc:
        messages.error(request, f"Claim not decided: {_errors(exc)}")
    else:
        messages.success(request, f"Claim marked “{claim.get_status_display().lower()}”.")
    return redirect(f"{review_url(claim.article)}#claim-{claim.pk}")


@require_POST
def decide_flag(request, model_admin, object_id, flag_id):
    flag = get_object_or_404(Flag.objects.select_related("article"), pk=flag_id, article_id=object_id)
    try:
        workflow.flag_decide(flag=flag, user=request.user, decision=request.POST.get("decision", ""),
                             reason=request.POST.get("reason", ""), expected_status=request.POST.get("expected_status"))
    except ValidationError as exc:
        messages.error(request, f"Flag not settled: {_errors(exc)}")
    else:
        flag.refresh_from_db()
        done = "sent back to the editor" if flag.status == Flag.Status.OPEN else flag.get_status_display().lower()
        messages.success(request, f"Flag {done}.")
    return redirect(f"{review_url(flag.article)}#flags")


@require_POST
def transition(request, model_admin, object_id):
    article = get_object_or_404(Article, pk=object_id)
    name = request.POST.get("transition", "")
    note = request.POST.get("note", "")
    try:
        if name == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(form.errors["publish_at"])
            workflow.article_schedule(article=article, user=request.user, publish_at=form.cleaned_data["publish_at"],
                                      note=note)
        elif name == "assign_reviewer":
            reviewer = get_object_or_404(AuthorProfile, pk=request.POST.get("reviewer") or 0)
            workflow.article_assign_reviewer(article=article, user=request.user, reviewer=reviewer)
            messages.success(request, f"Done: {reviewer.display_name} is now the medical reviewer.")
            return redirect(review_url(article))
        else:
            workflow.perform(name, article=article, user=request.user, note=note)
    except PermissionDenied:
        raise
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        article.refresh_from_db()
        messages.success(request, f"Done: the article is now {article.get_status_display().lower()}.")
    return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/admin/") else review_url(article))


@require_safe
@cache_public_page
def how_we_review(request):
    """Generated from the live rules, roles and gate (review.policy)."""
    return render(request, "review/how_we_review.html",
                  {"canonical_url": canonical(request), **review_policy()})
