"""Forms of the review screen whose input needs parsing (dates)."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

MAX_SCHEDULE_AHEAD = timedelta(days=2 * 365)


class DateTimeInput(forms.DateTimeField):
    """Django's field, with impossible dates refused: an ISO date with an offset that moves it past
    year 9999 (or before year 1) overflows when made aware, which Django does not catch."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (OverflowError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ScheduleForm(forms.Form):
    """When to publish: a date and time in the site's time zone (the datetime-local input sends
    "2026-12-24T09:00"). A malformed or impossible date is a form error, never a server error."""

    publish_at = DateTimeInput(
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Enter the publication date and time.",
                        "invalid": "Enter a real date and time, such as 2026-12-24 09:00."},
    )

    def clean_publish_at(self):
        when = self.cleaned_data["publish_at"]
        if when - timezone.now() > MAX_SCHEDULE_AHEAD:
            raise ValidationError("Enter a date within the next two years.", code="too_far")
        return when
