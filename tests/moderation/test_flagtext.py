"""`manage.py flagtext`: scans files, prints flags, never touches stored articles."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

JSONL_KEYS = {"path", "rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion", "fingerprint"}

TEXT = (
    "Research shows magnesium cures migraines.\n\n"
    "Take 250 mg per capsule, 3 capsules a day.\n\n"
    "Over half of adults are low in magnesium.\n"
)
HTML = (
    "<h1>Sleep</h1><p>Studies have found magnesium helps sleep.</p>"
    '<p>Buy it <a href="https://www.amazon.com/dp/B01?tag=mag-20">here</a>.</p>'
)


@pytest.fixture
def files(tmp_path):
    txt = tmp_path / "draft.txt"
    txt.write_text(TEXT, encoding="utf-8")
    md = tmp_path / "draft.md"
    md.write_text("# Title\n\n" + TEXT, encoding="utf-8")
    html = tmp_path / "draft.html"
    html.write_text(HTML, encoding="utf-8")
    return txt, md, html


def run(*args):
    out = StringIO()
    call_command("flagtext", *map(str, args), stdout=out)
    return out.getvalue()


def test_jsonl_lines_have_exactly_the_documented_keys(files):
    """Each line is one flag, a JSON object with the required keys (plus suggestion and fingerprint)."""
    txt, md, html = files
    lines = run(txt, md, html, "--format", "jsonl", "--defaults").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows
    for row in rows:
        assert set(row) == JSONL_KEYS
        assert isinstance(row["start"], int) and isinstance(row["end"], int)
    by_path = {}
    for row in rows:
        by_path.setdefault(row["path"], set()).add(row["category"])
    assert by_path[str(txt)] >= {"unsupported", "disease_claim", "dosage_risk"}
    assert by_path[str(md)] == by_path[str(txt)]
    assert by_path[str(html)] >= {"unsupported", "promotional"}
    txt_rows = [r for r in rows if r["path"] == str(txt)]
    for row in txt_rows:
        assert TEXT[row["start"]:row["end"]] == row["excerpt"]


def test_text_format_is_readable(files):
    txt, _, _ = files
    output = run(txt, "--defaults")
    assert f"{txt}:" in output
    assert "line 1 [warning] unsupported.research_appeal" in output
    assert "Standard: " in output and "Fix: " in output
    assert "reference data: tables" in output


@pytest.mark.django_db
def test_reads_reference_data_from_the_database_when_it_can(files):
    """Empty reference tables: the built-in defaults; the command does not write anything."""
    from articles.models import Article

    txt, _, _ = files
    before = Article.objects.count()
    output = run(txt)
    assert "reference data: tables" in output
    assert Article.objects.count() == before


def _missing(tmp_path):
    return tmp_path / "missing.txt"


def _binary(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    return path


def _latin1(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    return path


def _directory(tmp_path):
    return tmp_path


def _pdf(tmp_path):
    path = tmp_path / "data.pdf"
    path.write_text("x")
    return path


@pytest.mark.parametrize(("make", "fragment"), [
    (_missing, "no such file"),
    (_binary, "binary"),
    (_latin1, "not valid UTF-8"),
    (_directory, "is a directory"),
    (_pdf, "unsupported file type"),
])
def test_bad_files_raise_command_error_naming_the_file(tmp_path, make, fragment):
    path = make(tmp_path)
    with pytest.raises(CommandError) as excinfo:
        run(path, "--defaults")
    assert str(path) in str(excinfo.value)
    assert fragment in str(excinfo.value)
