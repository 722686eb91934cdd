"""Forms of the review screen whose input needs parsing (dates)."""

from django import forms


class ScheduleForm(forms.Form):
    """When to publish: a date and time in the site's time zone (the datetime-local input sends
    "2026-12-24T09:00"). A malformed or impossible date is a form error, never a server error."""

    publish_at = forms.DateTimeField(
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Enter the publication date and time.",
                        "invalid": "Enter a real date and time, such as 2026-12-24 09:00."},
    )

