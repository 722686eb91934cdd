"""Reading time of an article's plain text (the text itself comes from moderation.html, the one
converter, so flag spans index the text the article stores)."""

import re

WORDS_PER_MINUTE = 220


def reading_time_minutes(text):
    words = len(re.findall(r"\w+", text or ""))
    return max(1, round(words / WORDS_PER_MINUTE))
