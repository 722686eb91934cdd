"""Saving and scanning articles, and keeping reviewers' work across scans.

`article_save` is the one save path for an article: its rows and a new revision when the content
changed (articles.services.article_write), then the scan of that revision, then the workflow's
rule for edits to an approved or published article. `article_rescan` scans an article again after
a rule, term or source change, its newest revision and its live one.

Scanning a revision reconciles the engine's findings with the stored Flag and Claim rows, matched
by fingerprint (rule + normalized text), never by position, and links them to the revision:

- a flag a reviewer dismissed or acknowledged stays so when the same rule fires on the same text;
- an open flag that is no longer raised is "text changed" when its text is gone from the revision,
  and "no longer raised by the rules" when the text is still there (a rule or term change never
  settles a flag: a reviewer acknowledges it); a flag raised again is open again;
- a claim whose text is unchanged keeps its review status; a claim edited out is kept for the
  record, linked to the revisions that made it, and marked not current.
"""

from collections import Counter

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from articles.models import Article, ArticleRevision
from articles.services import article_write
from moderation import scan_html
from reference.models import Source
from review import workflow
from review.models import AuditEvent, Claim, Flag, Severity
from review.scan import EngineInputs, engine_inputs, source_infos


def _unique_fingerprints(items):
    """The same sentence twice in one article gets fp, fp#2, ... so each occurrence has a row."""
    seen = Counter()
    out = []
    for item in items:
        seen[item.fingerprint] += 1
        n = seen[item.fingerprint]
        out.append((item.fingerprint if n == 1 else f"{item.fingerprint}#{n}"[:64], item))
    return out


@transaction.atomic
def article_save(*, article, user=None, tags=None, write_related=None, expected_version=None, summary=""):
    """The one save path for an article (the admin, the importer, the demo loader, tests). All or
    nothing: its rows and, if the content changed, a new revision; a new medical reviewer checked
    against the authors as saved; the revision scanned; and an approved or published article whose
    text changed goes back to review (its live revision stays live). Returns the article."""
    previous = latest_id(article)
    stored_reviewer = Article.objects.filter(pk=article.pk).values_list("medical_reviewer_id", flat=True).first() \
        if article.pk else None
    revision = article_write(article=article, tags=tags, write_related=write_related,
                             expected_version=expected_version, user=user, summary=summary)
    if article.medical_reviewer_id and (article.medical_reviewer_id != stored_reviewer
                                        or revision.pk != previous):
        workflow.check_reviewer(article=article, reviewer=article.medical_reviewer)  # against the saved authors
    article_scan(article=article, revision=revision)
    if revision.pk != previous and previous is not None:
        workflow.article_after_edit(article=article, user=user, revision=revision)
    return article


def latest_id(article):
    return article.revisions.order_by("-number").values_list("pk", flat=True).first() if article.pk else None


def _normalized(text):
    return " ".join((text or "").lower().split())


@transaction.atomic
def article_scan(*, article, revision=None, inputs: EngineInputs | None = None, user=None):
    """Scan `revision` (default: the newest) and reconcile its flags and claims. Returns
    (flags_open, claims_current) for the newest revision's scan."""
    revision = revision or workflow.latest_revision(article)
    inputs = inputs or engine_inputs()
    citations = list(revision.citations.select_related("source"))
    sources = source_infos(c.source for c in citations)
    # scan_html converts with the same function that derives body_text, so spans index body_text,
    # and the rules also see the body's links (footnotes, affiliate links).
    result = scan_html(revision.body, reference=inputs.reference, config=inputs.config, sources=sources,
                       overrides=inputs.overrides)
    is_latest = revision.pk == latest_id(article)
    now = timezone.now()
    text = _normalized(revision.body_text)
    rescan = revision.flags.exists() or revision.claims.exists()  # scanned before: same text, other rules?

    existing = {f.fingerprint: f for f in Flag.objects.select_for_update().filter(article=article)}
    linked = set(revision.flags.values_list("pk", flat=True))
    raised, to_create, to_update = set(), [], {}
    for fingerprint, hit in _unique_fingerprints(result.flags):
        raised.add(fingerprint)
        row = existing.get(fingerprint)
        fields = {
            "rule": hit.rule, "category": hit.category, "severity": hit.severity, "excerpt": hit.excerpt,
            "start": hit.start, "end": hit.end, "message": hit.message, "suggestion": hit.suggestion or "",
        }
        if row is None:
            to_create.append(Flag(article=article, fingerprint=fingerprint, **fields))
            continue
        if is_latest:  # positions and wording as in the newest text (the review screen shows it)
            for name, value in fields.items():
                setattr(row, name, value)
        reopen = row.status in (Flag.Status.TEXT_CHANGED, Flag.Status.NO_LONGER_RAISED) or (
            row.status == Flag.Status.ACKNOWLEDGED and row.severity != Severity.NOTE)
        if reopen:  # the text or the rule is back: so is the problem
            row.status, row.resolved_at, row.resolved_by, row.resolution_note = Flag.Status.OPEN, None, None, ""
        row.last_seen = now
        to_update[row.pk] = row
    # Open flags this scan no longer raises: gone with the text, or (text unchanged) gone with a rule.
    not_raised = [row for fp, row in existing.items() if fp not in raised and row.status == Flag.Status.OPEN
                  and (row.pk in linked or (is_latest and not rescan))]
    kept_links, changed = set(), {"text": 0, "rules": 0}
    for row in not_raised:
        if _normalized(row.excerpt) and _normalized(row.excerpt) in text:
            row.status = Flag.Status.NO_LONGER_RAISED
            row.resolution_note = "The rules no longer raise this flag on this text; a reviewer acknowledges it."
            kept_links.add(row.pk)
            changed["rules"] += 1
        else:
            row.status = Flag.Status.TEXT_CHANGED
            row.resolution_note = "The flagged text is no longer in the article."
            changed["text"] += 1
        row.resolved_at, row.resolved_by = now, None
        to_update[row.pk] = row
    Flag.objects.bulk_create(to_create)
    if to_update:
        Flag.objects.bulk_update(
            list(to_update.values()),
            ["rule", "category", "severity", "excerpt", "start", "end", "message", "suggestion", "status",
             "resolution_note", "resolved_at", "resolved_by", "last_seen"],
        )
    raised_ids = {row.pk for row in to_create} | {existing[fp].pk for fp in raised if fp in existing}
    if rescan:  # the same text: flags it had keep their link (settled ones still count as settled)
        raised_ids |= linked
    revision.flags.set(raised_ids | kept_links)
    if changed["rules"] or (changed["text"] and rescan):
        AuditEvent.objects.create(
            article=article, actor=user, action="rescan",
            note=f"Revision {revision.number} scanned again: {changed['rules']} flag(s) no longer raised by the "
                 f"rules (a reviewer acknowledges them), {changed['text']} resolved by the text.")

    claims = {c.fingerprint: c for c in Claim.objects.select_for_update().filter(article=article)}
    current = set()
    new_claims, changed_claims, citation_links = [], [], []
    by_key = {key: info.source_id for key, info in sources.items()}
    for fingerprint, hit in _unique_fingerprints(result.claims):
        current.add(fingerprint)
        row = claims.get(fingerprint)
        if row is None:
            row = Claim(article=article, fingerprint=fingerprint, text=hit.text, start=hit.start, end=hit.end,
                        category=hit.category)
            new_claims.append(row)
        elif is_latest:
            row.start, row.end, row.is_current = hit.start, hit.end, True
            changed_claims.append(row)
        citation_links.append((row, [by_key[k] for k in hit.citation_keys if k in by_key]))
    if is_latest:
        for fingerprint, row in claims.items():
            if fingerprint not in current and row.is_current:
                row.is_current = False
                changed_claims.append(row)
    Claim.objects.bulk_create(new_claims)
    if changed_claims:
        Claim.objects.bulk_update(changed_claims, ["start", "end", "is_current"])
    revision.claims.set([row.pk for row, _ in citation_links])
    if is_latest:
        Through = Claim.citations.through
        Through.objects.filter(claim__article=article).delete()
        Through.objects.bulk_create(
            Through(claim_id=claim.pk, source_id=source_id)
            for claim, source_ids in citation_links for source_id in set(source_ids)
        )
    flags_open = Flag.objects.filter(article=article, status=Flag.Status.OPEN).count() if is_latest else 0
    return flags_open, len(current)


@transaction.atomic
def article_rescan(*, article, inputs: EngineInputs | None = None, user=None, cause="The rules changed."):
    """Scan the article again with the current rules, terms and sources: its newest revision and,
    when it differs, its live one. If the live revision no longer passes the gate (a new flag on
    it), the article leaves the site (workflow.article_take_down_if_gate_broken). Returns what the
    newest revision's scan returns."""
    inputs = inputs or engine_inputs()
    latest = workflow.latest_revision(article)
    if latest is None:
        return 0, 0
    if article.live_revision_id and article.live_revision_id != latest.pk:
        article_scan(article=article, revision=ArticleRevision.objects.get(pk=article.live_revision_id),
                     inputs=inputs, user=user)
    counts = article_scan(article=article, revision=latest, inputs=inputs, user=user)
    workflow.article_take_down_if_gate_broken(article=article, user=user, cause=cause)
    return counts


# A source's facts the rules read (retracted, industry funding, its design and identifiers): when
# they change, every article whose newest or live revision cites it is scanned again at once, in
# the same transaction, so a retraction takes a live article off the site before anyone reads it.
SCANNED_SOURCE_FIELDS = ("retracted", "industry_funded", "study_design", "doi", "pmid", "url")


def _remember_source(sender, instance, **kwargs):
    instance._scanned_before = (Source.objects.filter(pk=instance.pk).values_list(*SCANNED_SOURCE_FIELDS).first()
                                if instance.pk else None)


def _rescan_citing(sender, instance, created, **kwargs):
    before = getattr(instance, "_scanned_before", None)
    if created or before == tuple(getattr(instance, name) for name in SCANNED_SOURCE_FIELDS):
        return
    article_ids = (ArticleRevision.objects.filter(citations__source=instance)
                   .values_list("article_id", flat=True).distinct())
    inputs = engine_inputs()
    for article in Article.objects.filter(pk__in=list(article_ids)):
        article_rescan(article=article, inputs=inputs,
                       cause=f"A cited source changed: “{instance.title[:80]}”"
                             f"{' was retracted' if instance.retracted else ''}.")


def connect_signals():
    """Called from ReviewConfig.ready()."""
    pre_save.connect(_remember_source, sender=Source, dispatch_uid="magsite-review-source-before")
    post_save.connect(_rescan_citing, sender=Source, dispatch_uid="magsite-review-source-rescan")
