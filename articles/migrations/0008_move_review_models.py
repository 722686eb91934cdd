"""The review records (flags, claims, the audit trail, notifications, rule settings, word lists and
the review queue) move to the review app. Their rows stay where they are: the tables are renamed
(articles_flag -> review_flag ...), and only Django's idea of which app owns them changes here;
review/migrations/0001_initial.py takes them over, with their content types and permissions."""

from django.db import migrations

MOVED_TABLES = ["flag", "claim", "auditevent", "notification", "rulesetting", "term"]


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_more_default_terms'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name, f"review_{name}") for name in MOVED_TABLES],
            state_operations=[
                migrations.RemoveField(
                    model_name='auditevent',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='auditevent',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='auditevent',
                    name='claim',
                ),
                migrations.RemoveField(
                    model_name='auditevent',
                    name='flag',
                ),
                migrations.RemoveConstraint(
                    model_name='claim',
                    name='articles_claim_unique_fingerprint',
                ),
                migrations.RemoveConstraint(
                    model_name='flag',
                    name='articles_flag_unique_fingerprint',
                ),
                migrations.RemoveConstraint(
                    model_name='flag',
                    name='articles_flag_span_valid',
                ),
                migrations.RemoveConstraint(
                    model_name='flag',
                    name='articles_flag_dismissal_has_reason',
                ),
                migrations.RemoveField(
                    model_name='notification',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='notification',
                    name='recipient',
                ),
                migrations.DeleteModel(
                    name='RuleSetting',
                ),
                migrations.RemoveConstraint(
                    model_name='term',
                    name='articles_term_unique_kind_value',
                ),
                migrations.DeleteModel(
                    name='Term',
                ),
                migrations.DeleteModel(
                    name='ReviewQueueItem',
                ),
                migrations.DeleteModel(
                    name='AuditEvent',
                ),
                migrations.RemoveField(
                    model_name='claim',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='claim',
                    name='citations',
                ),
                migrations.RemoveField(
                    model_name='claim',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='flag',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='flag',
                    name='resolved_by',
                ),
                migrations.DeleteModel(
                    name='Notification',
                ),
                migrations.DeleteModel(
                    name='Claim',
                ),
                migrations.DeleteModel(
                    name='Flag',
                ),
            ],
        ),
    ]
