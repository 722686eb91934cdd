"""Editorial roles and the demo accounts that `make run` prints."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITOR, REVIEWER, MANAGING_EDITOR = "Editor", "Reviewer", "Managing editor"

# Model permissions per role. The workflow services check the custom ones (submit, review,
# publish, assign) on the server; finer rules (a reviewer cannot decide claims on an article they
# wrote; only reviewers settle blocker flags) live in articles.workflow.
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


DEMO_PASSWORD = "magsite-demo-2026"  # noqa: S105 - printed by `make run`; demo accounts exist only on dev databases

DEMO_ACCOUNTS = [
    # username, role, display name, credentials, is medical reviewer
    ("admin", None, "Site Administrator", "", False),
    ("editor", EDITOR, "Maya Okafor", "MSc, Health Journalist", False),
    ("reviewer", REVIEWER, "Dr Lena Hartmann", "MD, Internal Medicine", True),
    ("reviewer2", REVIEWER, "Dr Samuel Reyes", "PharmD", True),
    ("managing", MANAGING_EDITOR, "Priya Natarajan", "Managing Editor", False),
]


@transaction.atomic
def ensure_demo_accounts():
    """Create demo users for each role, with public profiles. Existing users are left untouched."""
    from articles.models import AuthorProfile

    groups = ensure_roles()
    User = get_user_model()
    created = []
    for username, role, display_name, credentials, is_reviewer in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, password=DEMO_PASSWORD, email=f"{username}@magsite.invalid",
                first_name=display_name.split()[-2] if len(display_name.split()) > 1 else display_name,
                is_staff=True, is_superuser=role is None,
            )
            if role:
                user.groups.add(groups[role])
            created.append(username)
        AuthorProfile.objects.get_or_create(
            user=user,
            defaults={"display_name": display_name, "credentials": credentials, "is_medical_reviewer": is_reviewer},
        )
    return created
