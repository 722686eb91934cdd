"""Scanning stored articles and keeping reviewers' work across re-scans.

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

from articles.review.models import Claim, Flag, RuleSetting, Term


def _unique_fingerprints(items):
    """The same sentence twice in one article gets fp, fp#2, ... so each occurrence has a row."""
    seen = Counter()
    out = []
    for item in items:
        seen[item.fingerprint] += 1
        n = seen[item.fingerprint]
        out.append((item.fingerprint if n == 1 else f"{item.fingerprint}#{n}"[:64], item))
    return out


def load_engine_inputs():
    """Reference data, term lists and rule overrides from the database (a constant number of queries)."""
    from articles.moderation import ReferenceData, RuleConfig

    reference = ReferenceData.from_db()
    terms = {}
    for kind, value in Term.objects.filter(active=True).values_list("kind", "value"):
        terms.setdefault(kind, []).append(value)
    config = RuleConfig.from_terms(terms)
    overrides = {
        code: (enabled, severity or None)
        for code, enabled, severity in RuleSetting.objects.values_list("code", "enabled", "severity")
    }
    return reference, config, overrides


def _source_infos(article):
    from articles.moderation import SourceInfo

    infos = {}
    for citation in article.citations.select_related("source"):
        infos.update(SourceInfo.for_source(citation.source))
    return infos


@transaction.atomic
def article_scan(*, article, inputs=None):
    """Scan `article` and reconcile its flags and claims. Returns (flags_open, claims_current)."""
    from articles.moderation import scan_html

    reference, config, overrides = inputs or load_engine_inputs()
    sources = _source_infos(article)
    # scan_html converts with the same function that derives body_text, so spans index body_text,
    # and the rules also see the body's links (footnotes, affiliate links).
    result = scan_html(article.body, reference=reference, config=config, sources=sources, overrides=overrides)
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
        from articles.services import article_pages_refresh

        article_pages_refresh(article_ids=[article.pk])
    return (
        sum(1 for f in [*to_create, *to_update] if f.status == Flag.Status.OPEN),
        len(current),
    )
