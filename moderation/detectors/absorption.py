"""Absorption wording: the trigger stems of sentences about how well magnesium is absorbed.

Read by the contradiction.form_absorption rule (a form's absorption against its reference record)
and by claims.py (absorption compared with other products is a benefit claimed for a product), so
it lives here rather than in rules/contradiction.py.
"""

from moderation import triggers

ABSORPTION = triggers.define("absorption", ["absor", "bioavail", "bio-avail", "uptake", "soak", "bloodstream",
                                             "unabsorbed", "taken up"])
