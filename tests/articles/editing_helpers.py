"""Plain factory helpers for the editing-side tests (admin, citations, history, import)."""

import itertools
from html.parser import HTMLParser

from django.contrib.auth import get_user_model

from articles.models import AuthorProfile
from reference.models import Source, StudyDesign
from review.roles import EDITOR, ensure_roles

_counter = itertools.count(1)


def make_editor(username=None, *, superuser=False):
    """A staff user in the Editor group (or a superuser), password "pw"."""
    n = next(_counter)
    user = get_user_model().objects.create_user(
        username=username or f"editor{n}", password="pw", is_staff=True, is_superuser=superuser,
    )
    if not superuser:
        user.groups.add(ensure_roles()[EDITOR])
    return user


def make_profile(name=None, *, reviewer=False, credentials=""):
    n = next(_counter)
    user = get_user_model().objects.create_user(username=f"profile{n}", password="pw", is_staff=True)
    return AuthorProfile.objects.create(user=user, display_name=name or f"Writer {n}", credentials=credentials,
                                        is_medical_reviewer=reviewer)


def make_source(title=None, *, pmid=None, doi=None, year=2021, **extra):
    n = next(_counter)
    return Source.objects.create(
        title=title or f"Randomised trial of magnesium {n}", authors="Doe J, Roe R", publisher="J Test Med",
        year=year, pmid=pmid if pmid is not None else str(30_000_000 + n),
        doi=doi if doi is not None else f"10.5555/mag.{n}", study_design=StudyDesign.RCT, **extra,
    )


class _FormExtractor(HTMLParser):
    """The data a browser would submit for one <form> (text inputs, checked boxes, selections)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None


def form_data(response, form_id="article_form"):
    """The submit data of the admin form in `response`, as a dict of lists (for overriding)."""
    parser = _FormExtractor(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


def post_ready(data):
    """Flatten single-value lists for the test client (it accepts lists for multi-value fields)."""
    return {name: values[0] if isinstance(values, list) and len(values) == 1 else values
            for name, values in data.items()}
