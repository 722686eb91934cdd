from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Review"

    def ready(self):
        from articles import pages
        from review import services
        from review.models import RuleSetting

        # "How we review" lists the rules that run (the dependency table in articles/pages.py).
        pages.depends_on(RuleSetting)
        services.connect_signals()  # a changed source rescans the articles that cite it
