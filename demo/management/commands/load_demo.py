from django.core.management.base import BaseCommand

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_demo_accounts
from demo.loader import load_articles
from reference.demo import load_reference


class Command(BaseCommand):
    help = "Load the demo reference library, demo articles and demo accounts. Safe to run again: creates only what is missing."

    def handle(self, *args, **options):
        ref_counts = load_reference(stdout=self.stdout)
        created_users = ensure_demo_accounts()
        article_counts = load_articles(stdout=self.stdout)
        made = {**ref_counts, **article_counts, "accounts": len(created_users)}
        if any(made.values()):
            summary = ", ".join(f"{count} {name}" for name, count in made.items() if count)
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        else:
            self.stdout.write("Demo content already present: nothing changed.")
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD}) at http://127.0.0.1:8000/admin/")
        for username, role, display_name, _credentials, _ in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<10} {role or 'Superuser':<16} {display_name}")
