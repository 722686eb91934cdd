"""Data: the editorial role groups with their permissions, and the default rule term lists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR, REVIEWER, MANAGING_EDITOR = "Editor", "Reviewer", "Managing editor"
# The role table as it stood when this migration was written (flags, claims, terms... were models of
# this app then). Later migrations move those permissions with their models; review.roles holds the
# table as it is now.
_READ_REFERENCE = ["view_source", "view_magnesiumform", "view_food", "view_condition", "view_intakeguideline"]
ROLE_PERMISSIONS = {
    EDITOR: {
        "articles": ["add_article", "change_article", "view_article", "submit_article", "view_audit_trail",
                     "add_keypoint", "change_keypoint", "delete_keypoint", "view_keypoint",
                     "add_faq", "change_faq", "delete_faq", "view_faq", "view_authorprofile",
                     "view_articlecitation", "view_flag", "change_flag", "view_claim", "view_auditevent",
                     "view_notification", "change_notification"],
        "reference": [*_READ_REFERENCE, "add_source", "change_source"],
        "taggit": ["add_tag", "view_tag"],
    },
    REVIEWER: {
        "articles": ["view_article", "review_article", "view_audit_trail", "view_keypoint", "view_faq",
                     "view_authorprofile", "view_articlecitation", "view_flag", "change_flag", "view_claim",
                     "change_claim", "view_auditevent", "view_notification", "change_notification"],
        "reference": [*_READ_REFERENCE],
        "taggit": ["view_tag"],
    },
    MANAGING_EDITOR: {
        "articles": ["add_article", "change_article", "view_article", "delete_article", "submit_article",
                     "publish_article", "assign_reviewer", "view_audit_trail", "add_keypoint",
                     "change_keypoint", "delete_keypoint", "view_keypoint", "add_faq", "change_faq", "delete_faq",
                     "view_faq", "add_authorprofile", "change_authorprofile", "view_authorprofile",
                     "view_articlecitation", "view_flag", "view_claim", "view_auditevent", "view_notification",
                     "change_notification", "view_rulesetting", "change_rulesetting", "view_term", "add_term",
                     "change_term"],
        "reference": [*_READ_REFERENCE, "add_source", "change_source", "add_magnesiumform", "change_magnesiumform",
                      "add_food", "change_food", "add_condition", "change_condition", "change_intakeguideline"],
        "taggit": ["add_tag", "change_tag", "view_tag"],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    for name, by_app in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in by_app.items():
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def seed_terms(apps, schema_editor):
    from moderation.terms import TERM_KINDS, RuleConfig

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
