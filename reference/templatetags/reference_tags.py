"""Small display helpers for the reference templates."""

import re

from django import template

register = template.Library()


@register.filter
def first_sentence(text):
    """The first sentence of a text, for table cells (the detail page shows the rest)."""
    text = (text or "").strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text, flags=re.DOTALL)
    return match.group(1) if match else text


@register.filter
def before_colon(label):
    """“Moderate: some trials, mostly consistent” -> “Moderate” (the badge text)."""
    return str(label).split(":", 1)[0].strip()


@register.filter
def after_colon(label):
    """“Moderate: some trials, mostly consistent” -> “some trials, mostly consistent” (its meaning)."""
    parts = str(label).split(":", 1)
    return parts[1].strip() if len(parts) > 1 else ""


@register.filter
def bar_width(percent):
    """A %DV as an SVG width in 0..100 (a food can exceed 100% of the DV; the bar stops full)."""
    try:
        return max(0, min(100, int(percent)))
    except (TypeError, ValueError):
        return 0


@register.filter
def percent(value):
    """Decimal("15.5") -> "15.5", Decimal("60.0") -> "60": no trailing zeros."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
