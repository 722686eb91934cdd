"""A "Not rated" absorption choice, and the demo library's unrated forms moved to it.

The demo library used to rate malate, glycinate, taurate, L-threonate and gluconate "moderate"
while its own note said no good comparison exists. Rows still carrying one of those demo notes
unchanged are moved to "not_rated"; a rating an editor has set or explained otherwise is left alone.
"""

from django.db import migrations, models

UNRATED_DEMO_NOTES = [
    "Not compared in the studies ODS cites; no good head-to-head human absorption data.",
    "Not rated by ODS; very little human absorption data.",
    "Not rated by ODS; marketed for brain uptake on the strength of animal research.",
]


def forwards(apps, schema_editor):
    MagnesiumForm = apps.get_model("reference", "MagnesiumForm")
    MagnesiumForm.objects.filter(bioavailability="moderate", bioavailability_note__in=UNRATED_DEMO_NOTES).update(
        bioavailability="not_rated")


def backwards(apps, schema_editor):
    MagnesiumForm = apps.get_model("reference", "MagnesiumForm")
    MagnesiumForm.objects.filter(bioavailability="not_rated").update(bioavailability="moderate")


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0002_reference_library_editing"),
    ]

    operations = [
        migrations.AlterField(
            model_name="magnesiumform",
            name="bioavailability",
            field=models.CharField(
                choices=[("low", "Low"), ("moderate", "Moderate"), ("high", "High"), ("not_rated", "Not rated")],
                help_text="How well it is absorbed, as the evidence stands; “Not rated” when no good human "
                          "comparison exists.",
                max_length=10,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
