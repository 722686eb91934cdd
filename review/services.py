"""Saving and scanning articles, and keeping reviewers' work across re-scans.

`article_save` is the one save path for an article.

`article_scan` runs the pure moderation engine over an article's text and reconciles the result
with the stored Flag and Claim rows, matched by fingerprint (rule + normalized text), never by
position, so that:

- a flag a reviewer dismissed (or resolved) stays so when the same rule fires on the same text;
- an open flag whose text was edited away is resolved automatically as "text changed";
- a claim whose text is unchanged keeps its review status; a claim edited out is kept for the
  record but marked not current.
"""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from articles.pages import article_pages_refresh
from articles.services import article_write
from moderation import scan_html
from review import workflow
from review.models import Claim, Flag
from review.scan import EngineInputs, article_source_infos, engine_inputs


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
def article_save(*, article, user=None, tags=None, write_related=None, expected_version=None):
    """The one save path for an article (the admin, the importer, the demo loader, tests): its rows
    (articles.services.article_write: markers, version check, row, tags, related rows, citations,
    public page), then its flags and claims, then the workflow's rule for edits to an approved or
    published article. All or nothing."""
    article_write(article=article, tags=tags, write_related=write_related, expected_version=expected_version)
    article_scan(article=article)
    workflow.article_after_edit(article=article, user=user)
    return article


@transaction.atomic
def article_scan(*, article, inputs: EngineInputs | None = None):
    """Scan `article` and reconcile its flags and claims. Returns (flags_open, claims_current)."""
    inputs = inputs or engine_inputs()
    sources = article_source_infos(article)
    # scan_html converts with the same function that derives body_text, so spans index body_text,
    # and the rules also see the body's links (footnotes, affiliate links).
    result = scan_html(article.body, reference=inputs.reference, config=inputs.config, sources=sources,
                       overrides=inputs.overrides)
    now = timezone.now()

    existing = {f.fingerprint: f for f in Flag.objects.select_for_update().filter(article=article)}
    seen = set()
    to_create, to_update = [], []
    for fingerprint, hit in _unique_fingerprints(result.flags):
        seen.add(fingerprint)
        row = existing.get(fingerprint)
        fields = {
            "rule": hit.rule, "category": hit.category, "severity": hit.severity, "excerpt": hit.excerpt,
            "start": hit.start, "end": hit.end, "message": hit.message, "suggestion": hit.suggestion or "",
        }
        if row is None:
            to_create.append(Flag(article=article, fingerprint=fingerprint, **fields))
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        if row.status == Flag.Status.TEXT_CHANGED:  # the text came back: the problem is back
            row.status, row.resolved_at, row.resolved_by = Flag.Status.OPEN, None, None
        row.last_seen = now
        to_update.append(row)
    for fingerprint, row in existing.items():
        if fingerprint not in seen and row.status == Flag.Status.OPEN:
            row.status = Flag.Status.TEXT_CHANGED
            row.resolution_note = "The flagged text is no longer in the article."
            row.resolved_at = now
            row.resolved_by = None
            to_update.append(row)
    Flag.objects.bulk_create(to_create)
    if to_update:
        Flag.objects.bulk_update(
            to_update,
            ["rule", "category", "severity", "excerpt", "start", "end", "message", "suggestion", "status",
             "resolution_note", "resolved_at", "resolved_by", "last_seen"],
        )

    claims = {c.fingerprint: c for c in Claim.objects.select_for_update().filter(article=article)}
    current = set()
    new_claims, changed_claims, citation_links = [], [], []
    for fingerprint, hit in _unique_fingerprints(result.claims):
        current.add(fingerprint)
        row = claims.get(fingerprint)
        if row is None:
            row = Claim(article=article, fingerprint=fingerprint, text=hit.text, start=hit.start, end=hit.end,
                        category=hit.category)
            new_claims.append(row)
        else:
            row.start, row.end, row.is_current = hit.start, hit.end, True
            changed_claims.append(row)
        citation_links.append((row, [sources[k].source_id for k in hit.citation_keys if k in sources]))
    for fingerprint, row in claims.items():
        if fingerprint not in current and row.is_current:
            row.is_current = False
            changed_claims.append(row)
    Claim.objects.bulk_create(new_claims)
    if changed_claims:
        Claim.objects.bulk_update(changed_claims, ["start", "end", "is_current"])
    Through = Claim.citations.through
    Through.objects.filter(claim__article=article).delete()
    Through.objects.bulk_create(
        Through(claim_id=claim.pk, source_id=source_id)
        for claim, source_ids in citation_links for source_id in set(source_ids)
    )
    if new_claims or changed_claims:  # bulk writes send no signals; the page counts approved claims
        article_pages_refresh(article_ids=[article.pk])
    return (
        sum(1 for f in [*to_create, *to_update] if f.status == Flag.Status.OPEN),
        len(current),
    )
