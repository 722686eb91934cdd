"""`make run` loads the demo content; running it again changes no data."""

import io

import pytest
from django.core.management import call_command


def dump():
    out = io.StringIO()
    call_command("dumpdata", "--all", "--natural-foreign", exclude=["sessions", "admin.logentry"], stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing_and_prints_the_logins():
    first = io.StringIO()
    call_command("load_demo", stdout=first)
    assert "Demo content loaded" in first.getvalue()
    for login in ("admin", "editor", "reviewer", "managing"):
        assert f"  {login}" in first.getvalue()
    before = dump()
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert "nothing changed" in second.getvalue()
    assert dump() == before
