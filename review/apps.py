from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Review"

    def ready(self):
        from articles import pages
        from review.models import Claim, RuleSetting

        # Rows of this app that public pages show (the dependency table in articles/pages.py): the
        # article page counts its approved claims; "How we review" lists the rules that run.
        pages.depends_on(Claim, lambda claim: [claim.article_id])
        pages.depends_on(RuleSetting)
