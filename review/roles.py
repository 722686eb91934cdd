"""Editorial roles: the permissions of each role group, created by a data migration and kept by
`ensure_roles` (which only adds)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITOR, REVIEWER, MANAGING_EDITOR = "Editor", "Reviewer", "Managing editor"

# Model permissions per role. The workflow services check the custom ones (submit, review,
# publish, assign) on the server; finer rules (a reviewer cannot decide claims on an article they
# wrote; only reviewers settle blocker flags) live in review.workflow.
_READ_REFERENCE = ["view_source", "view_magnesiumform", "view_food", "view_condition", "view_intakeguideline"]
ROLE_PERMISSIONS = {
    EDITOR: {
        "articles": ["add_article", "change_article", "view_article", "submit_article", "view_audit_trail",
                     "add_keypoint", "change_keypoint", "delete_keypoint", "view_keypoint",
                     "add_faq", "change_faq", "delete_faq", "view_faq", "view_authorprofile",
                     "view_articlecitation"],
        "review": ["view_flag", "change_flag", "view_claim", "view_auditevent", "view_notification",
                   "change_notification"],
        "reference": [*_READ_REFERENCE, "add_source", "change_source"],
        "taggit": ["add_tag", "view_tag"],
    },
    REVIEWER: {
        "articles": ["view_article", "review_article", "view_audit_trail", "view_keypoint", "view_faq",
                     "view_authorprofile", "view_articlecitation"],
        "review": ["view_flag", "change_flag", "view_claim", "change_claim", "view_auditevent", "view_notification",
                   "change_notification"],
        "reference": [*_READ_REFERENCE],
        "taggit": ["view_tag"],
    },
    MANAGING_EDITOR: {
        "articles": ["add_article", "change_article", "view_article", "delete_article", "submit_article",
                     "publish_article", "assign_reviewer", "view_audit_trail", "add_keypoint",
                     "change_keypoint", "delete_keypoint", "view_keypoint", "add_faq", "change_faq", "delete_faq",
                     "view_faq", "add_authorprofile", "change_authorprofile", "view_authorprofile",
                     "view_articlecitation"],
        "review": ["view_flag", "view_claim", "view_auditevent", "view_notification", "change_notification",
                   "view_rulesetting", "change_rulesetting", "view_term", "add_term", "change_term"],
        "reference": [*_READ_REFERENCE, "add_source", "change_source", "add_magnesiumform", "change_magnesiumform",
                      "add_food", "change_food", "add_condition", "change_condition", "change_intakeguideline"],
        "taggit": ["add_tag", "change_tag", "view_tag"],
    },
}


def ensure_roles(apps=None):
    """Create the role groups with their permissions (idempotent; adds, never removes).

    `apps` is the migration state when called from the data migration, else the live registry.
    """
    if apps is None:
        Group, Permission = _live_models()
    else:
        Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    groups = {}
    with transaction.atomic():
        for name, by_app in ROLE_PERMISSIONS.items():
            group, _ = Group.objects.get_or_create(name=name)
            for app_label, codenames in by_app.items():
                perms = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
                missing = perms.exclude(pk__in=group.permissions.values("pk"))  # a rerun writes nothing
                if missing:
                    group.permissions.add(*missing)
            groups[name] = group
    return groups


def _live_models():
    return Group, Permission
