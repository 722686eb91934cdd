"""Word-list entries added to the defaults after 0003 seeded them: sales words and conditions that
a fresh table of test sentences showed the rules missing. Listed here, not read from the code, so
the migration always adds exactly these; an entry an editor already has (or removed and re-added)
is left as it is."""

from django.db import migrations

ADDED = {
    "puffery": ["best-in-class", "award-winning", "second-rate", "second rate", "class-leading", "industry-leading",
                "market-leading"],
    "disease": [
        "osteoarthritis", "eczema", "psoriasis", "dermatitis", "acne", "tumours", "ulcers", "stomach ulcers",
        "peptic ulcers", "irregular heart rhythm", "irregular heart rhythms", "irregular heartbeat",
        "irregular heartbeats", "arterial plaque", "clogged arteries", "tension headaches", "tension headache",
        "chronic headaches", "arthritic joints", "arthritic", "gouty", "gouty joints", "asthmatic", "pms",
        "premenstrual syndrome", "pmdd", "sleep apnoea", "sleep apnea", "hay fever", "pcos", "polycystic ovary syndrome",
        "postnatal depression", "postpartum depression", "sciatic nerves", "numb feet",
    ],
}


def add_terms(apps, schema_editor):
    Term = apps.get_model("articles", "Term")
    Term.objects.bulk_create(
        [Term(kind=kind, value=value, active=True) for kind, values in ADDED.items() for value in values],
        ignore_conflicts=True,
    )


def remove_terms(apps, schema_editor):
    Term = apps.get_model("articles", "Term")
    for kind, values in ADDED.items():
        Term.objects.filter(kind=kind, value__in=values).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_article_page")]
    operations = [migrations.RunPython(add_terms, remove_terms)]
