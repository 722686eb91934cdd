"""Article revisions: every save that changes an article makes one, and readers see only the live one.
Existing articles get revision 1 from their current content; published ones make it live."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import hashlib
import json


def first_revisions(apps, schema_editor):
    """Each article's current content becomes its revision 1; a published article's becomes live,
    with the review it had (review facts the review app adds in review 0002)."""
    Article = apps.get_model("articles", "Article")
    ArticleRevision = apps.get_model("articles", "ArticleRevision")
    RevisionCitation = apps.get_model("articles", "RevisionCitation")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    article_type = ContentType.objects.filter(app_label="articles", model="article").first()
    for article in Article.objects.order_by("pk"):
        tags = list(TaggedItem.objects.filter(content_type=article_type, object_id=article.pk)
                    .order_by("tag_id").values_list("tag_id", flat=True)) if article_type else []
        content = {
            "title": article.title, "standfirst": article.standfirst, "body": article.body,
            "body_text": article.body_text, "reading_time_minutes": article.reading_time_minutes,
            "image": article.image.name or "", "image_alt": article.image_alt, "seo_title": article.seo_title,
            "seo_description": article.seo_description,
            "key_points": [{"text": t} for t in article.key_points.order_by("order", "pk").values_list("text", flat=True)],
            "faqs": [{"question": q, "answer": a}
                     for q, a in article.faqs.order_by("order", "pk").values_list("question", "answer")],
            "authors": list(article.authors.order_by("display_name", "pk").values_list("pk", flat=True)),
            "tags": tags,
            "related_forms": sorted(article.related_forms.values_list("pk", flat=True)),
            "related_foods": sorted(article.related_foods.values_list("pk", flat=True)),
            "related_conditions": sorted(article.related_conditions.values_list("pk", flat=True)),
            "citations": list(article.citations.order_by("number").values_list("number", "source_id")),
        }
        digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
        published = article.status == "published" and article.published_at is not None
        revision = ArticleRevision.objects.create(
            article=article, number=1, created_at=article.updated_at, content_hash=digest,
            **{name: content[name] for name in ("title", "standfirst", "body", "body_text", "reading_time_minutes",
                                                "image", "image_alt", "seo_title", "seo_description", "key_points",
                                                "faqs")},
            medical_reviewer_id=article.medical_reviewer_id if article.last_reviewed_at else None,
            last_reviewed_at=article.last_reviewed_at, next_review_due=article.next_review_due,
            live_at=article.updated_at if published else None,
        )
        for name in ("authors", "tags", "related_forms", "related_foods", "related_conditions"):
            getattr(revision, name).set(content[name])
        RevisionCitation.objects.bulk_create(
            RevisionCitation(revision=revision, number=number, source_id=source_id)
            for number, source_id in content["citations"])
        if published:
            Article.objects.filter(pk=article.pk).update(live_revision=revision)


def no_revisions(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Article.objects.update(live_revision=None)
    apps.get_model("articles", "ArticleRevision").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_move_review_models'),
        ('reference', '0003_bioavailability_not_rated'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, help_text='Incremented on every save and transition; guards against lost updates.'),
        ),
        migrations.CreateModel(
            name='ArticleRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(help_text='1 for the first save, then 2, 3...')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('summary', models.CharField(blank=True, help_text='What changed, for readers (e.g. “Dose table corrected”). Shown on the page when published.', max_length=300, verbose_name='change summary')),
                ('content_hash', models.CharField(help_text='Of the content below: a save that changes nothing makes no revision.', max_length=64)),
                ('title', models.CharField(max_length=200)),
                ('standfirst', models.TextField(blank=True)),
                ('body', models.TextField(help_text='Sanitized HTML.')),
                ('body_text', models.TextField(blank=True)),
                ('reading_time_minutes', models.PositiveSmallIntegerField(default=1)),
                ('image', models.ImageField(blank=True, upload_to='articles/')),
                ('image_alt', models.CharField(blank=True, max_length=250)),
                ('seo_title', models.CharField(blank=True, max_length=70)),
                ('seo_description', models.CharField(blank=True, max_length=160)),
                ('key_points', models.JSONField(blank=True, default=list, help_text='[{text}] in order.')),
                ('faqs', models.JSONField(blank=True, default=list, help_text='[{question, answer}] in order.')),
                ('last_reviewed_at', models.DateField(blank=True, null=True)),
                ('next_review_due', models.DateField(blank=True, null=True)),
                ('review_summary', models.JSONField(blank=True, default=dict, help_text='What the review covered, as the page states it (set on publish).')),
                ('live_at', models.DateTimeField(blank=True, help_text='When it became the live revision.', null=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='articles.article')),
                ('authors', models.ManyToManyField(blank=True, related_name='revisions', to='articles.authorprofile')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('medical_reviewer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reviewed_revisions', to='articles.authorprofile')),
                ('related_conditions', models.ManyToManyField(blank=True, related_name='article_revisions', to='reference.condition')),
                ('related_foods', models.ManyToManyField(blank=True, related_name='article_revisions', to='reference.food')),
                ('related_forms', models.ManyToManyField(blank=True, related_name='article_revisions', to='reference.magnesiumform')),
                ('tags', models.ManyToManyField(blank=True, related_name='article_revisions', to='taggit.tag')),
            ],
            options={
                'ordering': ['article', '-number'],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='live_revision',
            field=models.OneToOneField(blank=True, editable=False, help_text='The revision readers see. Set only by publishing, which checks the publish gate.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='live_of', to='articles.articlerevision'),
        ),
        migrations.CreateModel(
            name='RevisionCitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField()),
                ('revision', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='articles.articlerevision')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='revision_citations', to='reference.source')),
            ],
            options={
                'ordering': ['revision', 'number'],
            },
        ),
        migrations.AddField(
            model_name='articlerevision',
            name='sources',
            field=models.ManyToManyField(blank=True, related_name='article_revisions', through='articles.RevisionCitation', to='reference.source'),
        ),
        migrations.AddConstraint(
            model_name='revisioncitation',
            constraint=models.UniqueConstraint(fields=('revision', 'source'), name='articles_revcitation_unique_source'),
        ),
        migrations.AddConstraint(
            model_name='revisioncitation',
            constraint=models.UniqueConstraint(fields=('revision', 'number'), name='articles_revcitation_unique_number'),
        ),
        migrations.AddConstraint(
            model_name='articlerevision',
            constraint=models.UniqueConstraint(fields=('article', 'number'), name='articles_revision_unique_number'),
        ),
        migrations.RunPython(first_revisions, no_revisions),
    ]
