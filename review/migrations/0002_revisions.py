"""Claims and flags belong to the revisions that make or raise them; flags get the new statuses
(acknowledged, no longer raised by the rules)."""

from django.db import migrations, models
from django.db.models import Count, Q


def link_first_revisions(apps, schema_editor):
    """Revision 1 of each article (articles 0009) makes the claims now current in it and carries the
    flags raised on its text; a live revision records what its review covered."""
    ArticleRevision = apps.get_model("articles", "ArticleRevision")
    Claim = apps.get_model("review", "Claim")
    Flag = apps.get_model("review", "Flag")
    for revision in ArticleRevision.objects.filter(number=1):
        claims = Claim.objects.filter(article_id=revision.article_id, is_current=True)
        revision.claims.set(claims)
        revision.flags.set(Flag.objects.filter(article_id=revision.article_id).exclude(status="text_changed"))
        if revision.live_at is not None:
            counts = claims.aggregate(
                checked=Count("pk", filter=Q(status="approved")),
                not_claims=Count("pk", filter=Q(status="not_a_claim")),
                cited=Count("pk", filter=Q(status="approved", citations__isnull=False), distinct=True))
            settled = Flag.objects.filter(article_id=revision.article_id, status__in=["dismissed", "resolved"]) \
                .exclude(severity="note").count()
            revision.review_summary = {
                "claims_checked": counts["checked"], "claims_cited": counts["cited"], "not_claims": counts["not_claims"],
                "flags_settled": settled, "sources": revision.citations.count()}
            revision.save(update_fields=["review_summary"])


def unlink(apps, schema_editor):
    for name in ("Claim", "Flag"):
        apps.get_model("review", name).revisions.through.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0009_revisions'),
        ('review', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='claim',
            name='revisions',
            field=models.ManyToManyField(blank=True, help_text='The revisions that make this claim.', related_name='claims', to='articles.articlerevision'),
        ),
        migrations.AddField(
            model_name='flag',
            name='revisions',
            field=models.ManyToManyField(blank=True, help_text='The revisions this flag was raised on.', related_name='flags', to='articles.articlerevision'),
        ),
        migrations.AlterField(
            model_name='flag',
            name='status',
            field=models.CharField(choices=[('open', 'Open'), ('dismissed', 'Dismissed: not a problem'), ('acknowledged', 'Acknowledged'), ('text_changed', 'Resolved: text changed'), ('no_longer_raised', 'No longer raised by the rules'), ('resolved', 'Resolved (before revisions)')], db_index=True, default='open', max_length=20),
        ),
        migrations.RunPython(link_first_revisions, unlink),
    ]
