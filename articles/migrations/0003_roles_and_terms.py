"""Data: the editorial role groups with their permissions, and the default rule term lists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from articles.accounts import ensure_roles

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


def seed_terms(apps, schema_editor):
    from articles.moderation.terms import TERM_KINDS, RuleConfig

    Term = apps.get_model("articles", "Term")
    defaults = RuleConfig.defaults()
    rows = []
    for kind, (field_name, _help) in TERM_KINDS.items():
        for value in getattr(defaults, field_name):
            rows.append(Term(kind=kind, value=value, active=True))
    Term.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_review_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(seed_terms, migrations.RunPython.noop),
    ]
