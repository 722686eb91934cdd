from django.core.management.base import BaseCommand

from reference.demo import load_reference


class Command(BaseCommand):
    help = "Load the demo reference library (create-only: existing rows are never changed)."

    def handle(self, *args, **options):
        load_reference(stdout=self.stdout)
