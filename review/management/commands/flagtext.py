"""Scan text files with the editorial flag rules, without touching stored articles.

    python manage.py flagtext draft.md imported.html
    python manage.py flagtext notes/*.txt --format jsonl

Reference data comes from the reference library when its tables have rows (built-in defaults
otherwise); word lists are the built-in defaults.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation import ReferenceData, RuleConfig, scan, scan_html
from reference.tables import reference_data
from review.scan import reference_from_db

JSONL_KEYS = ("path", "rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion", "fingerprint")
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def read_text(path: Path) -> str:
    """The file's text, or CommandError naming the file when it is missing, binary or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a text file.") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if b"\x00" in data[:8192]:
        raise CommandError(f"{path}: looks like a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path}: is not valid UTF-8 (byte {exc.start}); save it as UTF-8 and try again."
        ) from None


class Command(BaseCommand):
    help = "Scan .txt, .md and .html files for editorial flags (promotional, unsupported, disease claims, " \
           "dose risks, contradictions, citations) and print them. Stored articles are not touched."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files to scan (.txt, .md, .html).")
        parser.add_argument("--format", choices=["text", "jsonl"], default="text",
                            help="text (default): readable lines; jsonl: one JSON object per flag.")
        parser.add_argument("--defaults", action="store_true",
                            help="Use the built-in reference data even when the database has some.")

    def handle(self, *args, paths, format, defaults, **options):
        files = [Path(p) for p in paths]
        texts = [(path, read_text(path)) for path in files]  # every file checked before any output
        for path, _ in texts:
            if path.suffix.lower() not in SUFFIXES:
                raise CommandError(f"{path}: unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html.")
        reference = reference_data() if defaults else self._reference()
        config = RuleConfig.defaults()
        total = 0
        for path, text in texts:
            if path.suffix.lower() in {".html", ".htm"}:
                result = scan_html(text, reference=reference, config=config)
            else:
                result = scan(text, reference=reference, config=config)
            total += len(result.flags)
            if format == "jsonl":
                for flag in result.flags:
                    row = {"path": str(path), **flag.as_dict()}
                    self.stdout.write(json.dumps({key: row[key] for key in JSONL_KEYS}, ensure_ascii=False))
            else:
                self._write_text(path, result)
        if format == "text":
            self.stdout.write(f"{total} flag(s) in {len(texts)} file(s); reference data: {reference.origin}.")

    def _reference(self) -> ReferenceData:
        """The reference library when it has rows; its seed tables when it is empty or absent."""
        try:
            return reference_from_db()
        except DatabaseError:  # no database or tables not migrated yet: the command still works
            return reference_data()

    def _write_text(self, path: Path, result):
        if not result.flags:
            self.stdout.write(f"{path}: no flags.")
            return
        self.stdout.write(f"{path}: {len(result.flags)} flag(s)")
        for flag in result.flags:
            line = result.text.count("\n", 0, flag.start) + 1
            excerpt = " ".join(flag.excerpt.split())
            if len(excerpt) > 100:
                excerpt = excerpt[:97] + "..."
            style = {"blocker": self.style.ERROR, "warning": self.style.WARNING}.get(str(flag.severity), str)
            self.stdout.write(style(f"  line {line} [{flag.severity}] {flag.rule}: “{excerpt}”"))
            self.stdout.write(f"      {flag.message}")
            if flag.suggestion:
                self.stdout.write(f"      Fix: {flag.suggestion}")
