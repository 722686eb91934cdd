"""The review app takes over the review records from the articles app (articles 0008 renamed their
tables): their models are created in Django's state only, and their content types move with them,
so every permission, group grant and admin log entry that pointed at them still does."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ["flag", "claim", "auditevent", "notification", "rulesetting", "term", "reviewqueueitem"]


def _move_content_types(apps, from_app, to_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED_MODELS:
        old = ContentType.objects.filter(app_label=from_app, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=to_app, model=model).first()
        if new is None:  # the usual case: the same row, relabelled
            old.app_label = to_app
            old.save(update_fields=["app_label"])
            continue
        # Both exist (content types created for the new app before this ran): keep the new row, give it
        # the old row's grants, and drop the old one.
        for permission in Permission.objects.filter(content_type=old):
            target = Permission.objects.filter(content_type=new, codename=permission.codename).first()
            if target is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
                continue
            for group in permission.group_set.all():
                group.permissions.add(target)
            for user in permission.user_set.all():
                user.user_permissions.add(target)
            permission.delete()
        old.delete()


def forwards(apps, schema_editor):
    _move_content_types(apps, "articles", "review")


def backwards(apps, schema_editor):
    _move_content_types(apps, "review", "articles")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0008_move_review_models'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('reference', '0003_bioavailability_not_rated'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='RuleSetting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(help_text="The rule's code, as listed on flags.", max_length=60, unique=True)),
                        ('enabled', models.BooleanField(default=True, help_text='Untick to stop this rule raising flags on the next scan.')),
                        ('severity', models.CharField(blank=True, choices=[('blocker', 'Blocker'), ('warning', 'Warning'), ('note', 'Note')], help_text="Leave empty to use the rule's default severity.", max_length=10)),
                        ('note', models.CharField(blank=True, help_text='Why the setting was changed (for other editors).', max_length=300)),
                        ('updated', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'verbose_name': 'rule setting',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='ReviewQueueItem',
                    fields=[
                    ],
                    options={
                        'verbose_name': 'article to review',
                        'verbose_name_plural': 'review queue',
                        'proxy': True,
                        'indexes': [],
                        'constraints': [],
                    },
                    bases=('articles.article',),
                ),
                migrations.CreateModel(
                    name='Claim',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField()),
                        ('start', models.PositiveIntegerField()),
                        ('end', models.PositiveIntegerField()),
                        ('category', models.CharField(max_length=30)),
                        ('fingerprint', models.CharField(max_length=64)),
                        ('is_current', models.BooleanField(default=True, help_text='False once the sentence is edited out of the article.')),
                        ('status', models.CharField(choices=[('pending', 'Pending review'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('needs_source', 'Needs a source'), ('not_a_claim', 'Not a claim')], db_index=True, default='pending', max_length=15)),
                        ('note', models.TextField(blank=True)),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='articles.article')),
                        ('citations', models.ManyToManyField(blank=True, related_name='claims', to='reference.source')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['article', 'start'],
                    },
                ),
                migrations.CreateModel(
                    name='Flag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('rule', models.CharField(db_index=True, max_length=60)),
                        ('category', models.CharField(choices=[('promotional', 'Promotional'), ('unsupported', 'Unsupported claim'), ('disease_claim', 'Disease claim'), ('dosage_risk', 'Dosage risk'), ('contradiction', 'Contradicts reference data'), ('citation', 'Citation problem')], db_index=True, max_length=20)),
                        ('severity', models.CharField(choices=[('blocker', 'Blocker'), ('warning', 'Warning'), ('note', 'Note')], db_index=True, max_length=10)),
                        ('excerpt', models.TextField()),
                        ('start', models.PositiveIntegerField(help_text="Character offset in the article's text.")),
                        ('end', models.PositiveIntegerField()),
                        ('message', models.TextField()),
                        ('suggestion', models.CharField(blank=True, max_length=300)),
                        ('fingerprint', models.CharField(help_text='Rule + normalized text: survives edits elsewhere.', max_length=64)),
                        ('status', models.CharField(choices=[('open', 'Open'), ('resolved', 'Resolved'), ('dismissed', 'Dismissed'), ('text_changed', 'Resolved: text changed')], db_index=True, default='open', max_length=15)),
                        ('resolution_note', models.TextField(blank=True)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('last_seen', models.DateTimeField(auto_now=True)),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='flags', to='articles.article')),
                        ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['article', 'start', 'rule'],
                    },
                ),
                migrations.CreateModel(
                    name='AuditEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(db_index=True, max_length=40)),
                        ('from_status', models.CharField(blank=True, max_length=20)),
                        ('to_status', models.CharField(blank=True, max_length=20)),
                        ('note', models.TextField(blank=True)),
                        ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='audit_events', to='articles.article')),
                        ('claim', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='audit_events', to='review.claim')),
                        ('flag', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='audit_events', to='review.flag')),
                    ],
                    options={
                        'verbose_name': 'audit event',
                        'ordering': ['-created', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.CharField(max_length=300)),
                        ('read', models.BooleanField(default=False)),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='articles.article')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-created'],
                    },
                ),
                migrations.CreateModel(
                    name='Term',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('brand', 'Brands'), ('product', 'Products'), ('puffery', 'Puffery'), ('superlative', 'Superlatives'), ('disease', 'Disease terms'), ('implied_disease', 'Implied disease'), ('disclosure', 'Disclosures'), ('source_site', 'Source sites')], db_index=True, help_text="Which list this entry belongs to: brand: A supplement brand or seller. Named with selling language, it is a product plug.; product: A branded product name, e.g. “Magnesium 7”.; puffery: A word that sells on its own (miracle, breakthrough, guaranteed...).; superlative: A superlative that sells when it describes a product (best, optimal...).; disease: A disease or condition: cure/treat/prevent... with it is a disease claim.; implied_disease: A phrase implying a drug-like effect, e.g. “nature's antidepressant”.; disclosure: Wording that discloses a material connection (affiliate, sponsored...).; source_site: A repository named as a source in pasted text, e.g. “PubMed Central”.", max_length=40)),
                        ('value', models.CharField(help_text='The word or phrase, matched case-insensitively.', max_length=200)),
                        ('active', models.BooleanField(default=True)),
                        ('note', models.CharField(blank=True, max_length=300)),
                    ],
                    options={
                        'ordering': ['kind', 'value'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'value'), name='articles_term_unique_kind_value')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='claim',
                    constraint=models.UniqueConstraint(fields=('article', 'fingerprint'), name='articles_claim_unique_fingerprint'),
                ),
                migrations.AddConstraint(
                    model_name='flag',
                    constraint=models.UniqueConstraint(fields=('article', 'fingerprint'), name='articles_flag_unique_fingerprint'),
                ),
                migrations.AddConstraint(
                    model_name='flag',
                    constraint=models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='articles_flag_span_valid'),
                ),
                migrations.AddConstraint(
                    model_name='flag',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'dismissed'), _negated=True), models.Q(('resolution_note', ''), _negated=True), _connector='OR'), name='articles_flag_dismissal_has_reason', violation_error_message='A dismissed flag needs a reason.'),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
