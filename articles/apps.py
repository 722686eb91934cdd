from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from django.db.models.signals import pre_save

        from articles import pages
        from articles.models import Article, keep_workflow_on_raw_save

        pages.connect_signals()  # the stored-page and page-cache dependency table
        pre_save.connect(keep_workflow_on_raw_save, sender=Article, dispatch_uid="magsite-article-raw-save")
