"""Importing articles from .txt, .md and .html files: structure recovered where the text makes it
evident, page furniture dropped, bad files refused whole, and the import_article command."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase
from reversion.models import Version

from articles.importers import (
    ImportFileError,
    decode_import_bytes,
    parse_document,
    parse_html,
    parse_text,
    read_import_file,
)
from articles.models import Article
from tests.articles.editing_helpers import make_source

SEED_TITLES = {
    "000": "Is magnesium good for foot nerve pain? Understanding the connection",
    "001": "Can Magnesium Repair Nerve Damage? Natural Healing Revealed",
    "002": "The Critical Role of Magnesium in Nerve Health",
    "003": "Magnesium Glycinate for Nerve Pain Relief: A Comprehensive Guide",
    "004": "The Core Function: Muscle Relaxation and Contraction",
}


def flat(body):
    """The body without the line breaks the importer puts between blocks (for readable source)."""
    return body.replace(">\n<", "><")


FURNITURE = ["Skip to content", "4 min read", "Leave a Reply", "Your email address will not be published",
             "Reading Time: 14 minutes", "Related Posts", "By Jonathan Hunsaker"]


class TextParsingTests(SimpleTestCase):
    def test_title_is_the_first_line_after_furniture(self):
        article = parse_text("Skip to content\n\nMagnesium and sleep\n\n5 min read\n\nBody text here.")
        self.assertEqual(article.title, "Magnesium and sleep")
        self.assertEqual(flat(article.body), "<p>Body text here.</p>")

    def test_short_unpunctuated_line_before_a_paragraph_is_a_heading(self):
        article = parse_text("Title\nHow it works\nMagnesium blocks NMDA receptors.\nIt is a mineral.")
        self.assertEqual(flat(article.body), "<h2>How it works</h2><p>Magnesium blocks NMDA receptors.</p>"
                                       "<p>It is a mineral.</p>")
        self.assertEqual(article.counts, {"paragraphs": 2, "headings": 1, "lists": 0, "tables": 0})

    def test_question_headings_and_lines_ending_in_a_colon(self):
        article = parse_text("T\n\nIs magnesium safe?\n\nMostly.\n\nFoods include:\n\n- Spinach\n- Almonds")
        self.assertEqual(flat(article.body), "<h2>Is magnesium safe?</h2><p>Mostly.</p><p>Foods include:</p>"
                                       "<ul><li>Spinach</li><li>Almonds</li></ul>")

    def test_a_short_last_line_is_a_paragraph_not_a_heading(self):
        self.assertEqual(flat(parse_text("T\n\nSome text.\n\nThe end").body), "<p>Some text.</p><p>The end</p>")

    def test_bullets_of_every_kind_make_one_list_even_with_blank_lines_between(self):
        article = parse_text("T\n\n  • One\n\n  • Two\n\n* Three\n- Four\n\nAfter.")
        self.assertEqual(flat(article.body), "<ul><li>One</li><li>Two</li><li>Three</li><li>Four</li></ul><p>After.</p>")

    def test_numbered_lists_keep_their_start(self):
        article = parse_text("T\n\n3. Third item.\n4) Fourth item.\n\nDone.")
        self.assertEqual(flat(article.body), '<ol start="3"><li>Third item.</li><li>Fourth item.</li></ol><p>Done.</p>')

    def test_a_lone_numbered_title_line_followed_by_prose_is_a_subheading(self):
        article = parse_text("T\n\n1. Magnesium Malate\n\nBound to malic acid.\n\n2. Magnesium Taurate\n\nBound to taurine.")
        self.assertEqual(flat(article.body), "<h3>1. Magnesium Malate</h3><p>Bound to malic acid.</p>"
                                       "<h3>2. Magnesium Taurate</h3><p>Bound to taurine.</p>")

    def test_pipe_table_with_separator_row_gets_a_header(self):
        article = parse_text("T\n\n| Form | Absorption |\n|---|---|\n| Glycinate | High |\n| Oxide | Low | \n\nAfter.")
        self.assertEqual(
            flat(article.body),
            '<table><thead><tr><th scope="col">Form</th><th scope="col">Absorption</th></tr></thead>'
            "<tbody><tr><td>Glycinate</td><td>High</td></tr><tr><td>Oxide</td><td>Low</td></tr></tbody></table>"
            "<p>After.</p>",
        )
        self.assertEqual(article.counts["tables"], 1)

    def test_tab_separated_rows_make_a_table(self):
        article = parse_text("T\n\nForm\tElemental %\nOxide\t60\nCitrate\t16\n")
        self.assertIn('<th scope="col">Elemental %</th>', article.body)
        self.assertIn("<tr><td>Citrate</td><td>16</td></tr>", article.body)

    def test_rows_with_inconsistent_columns_are_not_a_table(self):
        article = parse_text("T\n\na | b | c\nd | e\n")
        self.assertEqual(article.counts["tables"], 0)
        self.assertEqual(flat(article.body), "<p>a | b | c</p><p>d | e</p>")

    def test_hard_wrapped_lines_join_into_one_paragraph(self):
        article = parse_text("T\n\nMagnesium is a mineral that the body\nneeds for hundreds of reactions.\n\nNext.")
        self.assertEqual(flat(article.body), "<p>Magnesium is a mineral that the body needs for hundreds of reactions.</p>"
                                       "<p>Next.</p>")

    def test_furniture_is_dropped(self):
        text = ("Skip to content\nTitle\nBy Jane Doe\nPosted on March 3, 2024\nShare this article\n"
                "We use cookies to improve your experience. Accept all cookies\nBody.\nComments\nLeave a Reply\n"
                "Your email address will not be published. Required fields are marked *\nName *\nPost Comment")
        article = parse_text(text)
        self.assertEqual(article.title, "Title")
        self.assertEqual(flat(article.body), "<p>Body.</p>")
        self.assertIn("Leave a Reply", article.dropped)

    def test_reference_section_is_kept_even_after_a_comment_form(self):
        article = parse_text("T\n\nClaim.[1]\n\nLeave a Reply\n\nName *\n\nReferences\n\n1. Smith J. Trial. 2020.")
        self.assertIn("<p>Claim.[1]</p><h2>References</h2><ol><li>Smith J. Trial. 2020.</li></ol>", flat(article.body))
        self.assertNotIn("Name", article.body)

    def test_numeric_reference_markers_stay_plain_text(self):
        article = parse_text("T\n\nStudies show it works.[1] Others disagree.²³ See [12, 13].")
        self.assertEqual(flat(article.body), "<p>Studies show it works.[1] Others disagree.²³ See [12, 13].</p>")

    def test_markup_in_plain_text_is_escaped_not_interpreted(self):
        article = parse_text("T\n\n<script>alert(1)</script> & <b>bold</b>")
        self.assertEqual(flat(article.body), "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>")

    def test_markdown_headings_lists_links_and_emphasis(self):
        article = parse_text(
            "# Magnesium basics\n\nIntro with **bold**, *italic* and [a link](https://ods.od.nih.gov/).\n"
            "continues here.\n\n## Forms\n\n- Glycinate\n- Citrate\n\n### Detail\n\n> A quote.\n\n"
            "[bad](javascript:alert(1))",
            markdown=True,
        )
        self.assertEqual(article.title, "Magnesium basics")
        self.assertEqual(
            flat(article.body),
            '<p>Intro with <strong>bold</strong>, <em>italic</em> and <a href="https://ods.od.nih.gov/" '
            'rel="noopener noreferrer">a link</a>. continues here.</p><h2>Forms</h2>'
            "<ul><li>Glycinate</li><li>Citrate</li></ul><h3>Detail</h3><blockquote><p>A quote.</p></blockquote>"
            "<p>[bad](javascript:alert(1))</p>",
        )

    def test_html_import_takes_the_h1_as_title_and_drops_scripts_and_page_chrome(self):
        article = parse_html(
            "<html><head><title>Ignored | Site</title><script>alert(1)</script></head><body>"
            "<nav><a href='/'>Home</a></nav><h1>Magnesium &amp; sleep</h1><p>Skip to content</p>"
            "<p onclick='x()'>Body <b>text</b>.</p><h5>Small</h5><footer>© Site</footer></body></html>"
        )
        self.assertEqual(article.title, "Magnesium & sleep")
        self.assertEqual(flat(article.body), "<p>Body <b>text</b>.</p><h4>Small</h4>")

    def test_html_without_h1_uses_the_title_element(self):
        article = parse_html("<title>Magnesium for cramps – Some Site</title><p>Body.</p>")
        self.assertEqual(article.title, "Magnesium for cramps")

    def test_document_with_only_furniture_is_refused(self):
        with self.assertRaisesMessage(ImportFileError, "x.txt: nothing but a title and page furniture"):
            parse_document("A title\n\nLeave a Reply\n\nPost Comment", "text", name="x.txt")


class BadFileTests(SimpleTestCase):
    def test_undecodable_bytes_are_refused_naming_the_position(self):
        with self.assertRaisesMessage(ImportFileError, "f.txt: not UTF-8 text (byte 0xe9 at position 5"):
            decode_import_bytes("Caf\u00e9 au lait".encode("latin-1").replace(b"Caf", b"Cafe "), name="f.txt")

    def test_binary_data_is_refused(self):
        for data, message in [(b"%PDF-1.7 ...", "this is a PDF document"), (b"abc\x00def", "NUL bytes"),
                              (b"PK\x03\x04rest", "ZIP archive"), (bytes(range(1, 32)) * 10, "control characters")]:
            with self.subTest(message), self.assertRaisesMessage(ImportFileError, message):
                decode_import_bytes(data, name="f.txt")

    def test_utf8_with_bom_and_utf16_are_accepted(self):
        self.assertEqual(decode_import_bytes("\ufeffTitle".encode()), "Title")
        self.assertEqual(decode_import_bytes("Title ü".encode("utf-16")), "Title ü")


BAD_FILES = [
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("latin1.txt", "Magnésium et sommeil\n\nTexte.".encode("latin-1"), "not UTF-8 text"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b"   \n\n  \n", "contains no text"),
    ("huge.txt", b"Title\n\n" + b"Lorem ipsum dolor sit amet. " * 40_000, "the limit is 1,000,000 bytes"),
    ("article.docx", b"PK\x03\x04", "unsupported file type"),
    ("article", b"Title\n\nBody.", "unsupported file type"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_file_is_refused_with_its_name_and_nothing_is_created(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("import_article", str(path), stdout=io.StringIO(), stderr=stderr)
    assert str(path) in stderr.getvalue()
    assert message in stderr.getvalue()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_missing_file_is_reported_and_the_other_files_still_import(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Magnesium and cramps\n\nA paragraph.\n")
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_article", str(tmp_path / "missing.txt"), str(good), stdout=stdout, stderr=stderr)
    assert "missing.txt: no such file" in stderr.getvalue()
    assert list(Article.objects.values_list("title", flat=True)) == ["Magnesium and cramps"]


@pytest.mark.django_db
def test_file_with_an_unknown_citation_marker_is_refused_whole(tmp_path):
    make_source(pmid="11111111")
    path = tmp_path / "cited.md"
    path.write_text("# Cited\n\nKnown.[[cite:pmid:11111111]] Unknown.[[cite:pmid:99999999]]\n")
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_article", str(path), stdout=io.StringIO(), stderr=stderr)
    assert "cited.md: No source matches these citation markers: [[cite:pmid:99999999]]" in stderr.getvalue()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_imports_are_drafts_with_unique_slugs_and_a_history_entry(tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"copy{n}.txt"
        path.write_text("Magnesium glycinate\n\nThe same article again.\n")
        paths.append(str(path))
    stdout = io.StringIO()
    call_command("import_article", *paths, stdout=stdout)
    articles = Article.objects.order_by("pk")
    assert [a.slug for a in articles] == ["magnesium-glycinate", "magnesium-glycinate-2", "magnesium-glycinate-3"]
    assert {a.status for a in articles} == {Article.Status.DRAFT}
    assert "Created draft “Magnesium glycinate” (slug: magnesium-glycinate-3) from copy2.txt: 1 paragraph, " \
           "0 headings, 0 lists, 0 tables; 0 furniture lines dropped." in stdout.getvalue()
    assert Version.objects.get_for_object(articles[0]).get().revision.comment == "Imported from copy0.txt"


@pytest.mark.django_db
def test_dry_run_reports_and_creates_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A title\n\nBody.\n")
    stdout = io.StringIO()
    call_command("import_article", "--dry-run", str(path), stdout=stdout)
    assert "Would create draft “A title”" in stdout.getvalue()
    assert not Article.objects.exists()


# The real-world seeds in ../shared/seeds (skipped when the folder is absent).


def seed(seeds_dir, prefix):
    return next(seeds_dir.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_each_seed_parses_with_its_title_and_without_furniture(seeds_dir, prefix):
    text, kind = read_import_file(seed(seeds_dir, prefix))
    article = parse_document(text, kind)
    assert article.title == SEED_TITLES[prefix]
    for furniture in FURNITURE:
        assert furniture not in article.body
    assert article.counts["paragraphs"] >= 5
    assert article.counts["headings"] >= 5


def test_seed_000_keeps_its_reference_section_and_lists(seeds_dir):
    article = parse_document(*read_import_file(seed(seeds_dir, "000")))
    assert "<h2>References</h2><ol><li>1</li><li>2</li>" in flat(article.body)
    assert "<li>20</li></ol><h2>Medical Disclaimer</h2>" in flat(article.body)
    assert "<h2>Key Points</h2><ul><li>Mechanism: Magnesium blocks NMDA receptors" in flat(article.body)
    assert article.counts["lists"] >= 4


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_pipe_tables_in_seeds_become_tables(seeds_dir, prefix):
    article = parse_document(*read_import_file(seed(seeds_dir, prefix)))
    assert article.counts["tables"] == 1
    assert '<th scope="col">Bioavailability' in flat(article.body)
    assert "<td>Magnesium Glycinate</td>" in flat(article.body)


def test_seed_001_numbered_lists_and_subheadings(seeds_dir):
    article = parse_document(*read_import_file(seed(seeds_dir, "001")))
    assert "<ol><li>Neurotransmitter Release:" in flat(article.body)
    assert "<h3>1. Magnesium Malate</h3>" in flat(article.body) and "<h3>4. Magnesium Threonate</h3>" in flat(article.body)
    assert "Comments" not in article.body


@pytest.mark.django_db
def test_import_article_command_imports_every_seed_as_a_draft(seeds_dir):
    paths = sorted(str(path) for path in seeds_dir.glob("*.txt"))
    stdout = io.StringIO()
    call_command("import_article", *paths, stdout=stdout)
    assert Article.objects.count() == len(paths) == 5
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    assert set(Article.objects.values_list("title", flat=True)) == set(SEED_TITLES.values())
    article = Article.objects.get(title=SEED_TITLES["000"])
    assert article.slug == "is-magnesium-good-for-foot-nerve-pain-understanding-the-connection"
    assert "Skip to content" not in article.body and "4 min read" not in article.body_text
    assert article.reading_time_minutes >= 5
    assert stdout.getvalue().count("Created draft") == 5
    assert "lists, 1 table;" in stdout.getvalue()
