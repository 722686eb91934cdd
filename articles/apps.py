from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import pages

        pages.connect_signals()  # the stored-page and page-cache dependency table
