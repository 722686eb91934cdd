"""The demo accounts that `make run` creates and prints: one per role, with public profiles. They
exist only on development databases (load_demo)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from articles.models import AuthorProfile
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER, ensure_roles

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
