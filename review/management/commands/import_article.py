"""`manage.py import_article PATH...`: make draft articles from .txt, .md or .html files.

Each file is imported all or nothing, in its own transaction; a bad file is reported (naming the
file and what is wrong) and the others still go ahead. The command exits non-zero when any
file failed.
"""

from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils.text import slugify

from articles.importers import MAX_IMPORT_BYTES, ImportFileError, parse_document, read_import_file
from articles.models import Article
from review.services import article_save

SLUG_MAX = Article._meta.get_field("slug").max_length


def unique_slug(title):
    """slugify(title), or with -2, -3... when taken; always within the field's length."""
    base = slugify(title)[:SLUG_MAX].strip("-") or "article"
    slug, n = base, 1
    while Article.objects.filter(slug=slug).exists():
        n += 1
        suffix = f"-{n}"
        slug = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
    return slug


def plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


def error_text(exc):
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


class Command(BaseCommand):
    help = (
        "Import .txt, .md or .html files as DRAFT articles: title from the first line; paragraphs, "
        "headings, lists and tables recovered where the text makes them evident; page furniture dropped. "
        f"Files over {MAX_IMPORT_BYTES:,} bytes, binary or non-UTF-8 files are refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files to import (.txt, .md, .html).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report, but create nothing.")

    def handle(self, *args, paths, dry_run=False, **options):
        failed = 0
        for raw_path in paths:
            path = Path(raw_path)
            try:
                article, parsed = self.import_one(path, dry_run=dry_run)
            except ImportFileError as exc:
                failed += 1
                self.stderr.write(self.style.ERROR(f"Not imported: {exc}"))
                continue
            except (ValidationError, DatabaseError) as exc:
                failed += 1
                self.stderr.write(self.style.ERROR(f"Not imported: {path}: {error_text(exc)}"))
                continue
            counts = parsed.counts
            verb = "Would create" if dry_run else "Created"
            made = ", ".join(plural(counts[key], key[:-1]) for key in ("paragraphs", "headings", "lists", "tables"))
            self.stdout.write(self.style.SUCCESS(
                f"{verb} draft “{article.title}” (slug: {article.slug}) from {path.name}: {made}; "
                f"{plural(len(parsed.dropped), 'furniture line')} dropped."
            ))
        if failed:
            raise CommandError(f"{failed} of {len(paths)} file(s) not imported; see the messages above.")

    def import_one(self, path, *, dry_run):
        text, kind = read_import_file(path)
        parsed = parse_document(text, kind, name=str(path))
        with transaction.atomic():
            article = Article(
                title=parsed.title, slug=unique_slug(parsed.title), body=parsed.body, status=Article.Status.DRAFT,
            )
            article.full_clean(exclude=["body_text"])
            with reversion.create_revision():
                reversion.set_comment(f"Imported from {path.name}")
                article_save(article=article)
                if reversion.is_registered(Article):
                    reversion.add_to_revision(article)
            if dry_run:
                transaction.set_rollback(True)
        return article, parsed
