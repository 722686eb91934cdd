"""Demo articles (placeholder until the demo content lands)."""


def load_articles(*, stdout=None):
    return {}
