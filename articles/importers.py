"""Turn a saved web article (.txt, .md or .html) into a draft's title and structured HTML.

Pure functions, no database: `read_import_file` checks and decodes a file, `parse_document`
turns its text into an `ImportedArticle`. The management command `import_article` stores the
result as a draft.

Plain text copied from a web page carries no markup, so structure is recovered only where the
text makes it evident:

- the title is the first line (after page furniture such as "Skip to content");
- a heading is a short line without final punctuation (a question mark is allowed) that is
  followed by more content; in Markdown, a `#` line;
- a list is a run of lines starting with -, *, •, or 1. / 1);
- a table is a run of at least two lines split by tabs or | into the same number of cells;
- page furniture ("4 min read", "Leave a Reply", share buttons, cookie notices, the comment
  form) is dropped; a "References"/"Sources" section is kept as it stands.

Reference numbers in the text ([1], ¹) stay plain text: they are not MagSite citation markers,
and the editorial flag rules point them out for the editor to replace.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import nh3

from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html

MAX_IMPORT_BYTES = 1_000_000
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html"}
TITLE_MAX = 200

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (perhaps a .docx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
    b"\x1f\x8b": "a gzip archive",
}


class ImportFileError(Exception):
    """A file that cannot be imported; the message names the file and says why."""


@dataclass
class ImportedArticle:
    title: str
    body: str
    counts: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading files


def read_import_file(path, *, max_bytes=MAX_IMPORT_BYTES):
    """Return (text, format) for `path`, or raise ImportFileError saying what is wrong with it."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"{path}: no such file.")
    if not path.is_file():
        raise ImportFileError(f"{path}: not a regular file.")
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ImportFileError(
            f"{path}: unsupported file type “{path.suffix or '(none)'}”; import .txt, .md or .html files."
        )
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"{path}: the file is empty.")
    if size > max_bytes:
        raise ImportFileError(
            f"{path}: the file is {size:,} bytes; the limit is {max_bytes:,} bytes. "
            "Is this really one article? Split it or trim it first."
        )
    data = path.read_bytes()
    return decode_import_bytes(data, name=str(path)), kind


def decode_import_bytes(data, *, name="file"):
    """Decode UTF-8 (or BOM-marked UTF-16) text; refuse binary or undecodable data."""
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ImportFileError(f"{name}: this is {what}, not text. Save the article as .txt, .md or .html.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"{name}: marked as UTF-16 but cannot be decoded ({exc.reason}).") from exc
    else:
        if b"\x00" in data:
            raise ImportFileError(f"{name}: this looks like a binary file (it contains NUL bytes), not text.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start} cannot be decoded). "
                "Re-save the file as UTF-8."
            ) from exc
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > max(3, len(text) // 100):
        raise ImportFileError(f"{name}: this looks like a binary file ({controls} control characters), not text.")
    if not text.strip():
        raise ImportFileError(f"{name}: the file contains no text.")
    return text


# ---------------------------------------------------------------------------------------------
# Page furniture


def _full(pattern):
    return re.compile(rf"^\s*(?:{pattern})\s*$", re.IGNORECASE)


FURNITURE = [_full(p) for p in (
    r"skip to (?:main )?content",
    r"jump to (?:recipe|content)",
    r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read",
    r"(?:estimated\s+)?reading time:?\s*\d+\s*min(?:ute)?s?\.?",
    r"in this article:?",
    r"table of contents:?",
    r"(?:\d+\s+)?comments?:?",
    r"leave a (?:reply|comment)",
    r"cancel reply",
    r"post comment",
    r"your email address will not be published\.?.*",
    r"required fields are marked\s*\*?",
    r"save my name, email, and website in this browser.*",
    r"(?:name|email|e-mail|website|comment)\s*\*",
    r"share (?:this|on|via)\b.{0,40}",
    r"share",
    r"(?:facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|email|print|tweet|pin it)",
    r"posted (?:on|in|by)\b.{0,80}",
    r"(?:last )?updated(?: on)?:?\s+.{0,40}\d{4}",
    r"published(?: on)?:?\s+.{0,40}\d{4}",
    r"(?:tags|categories|filed under):.{0,120}",
    r"related (?:posts|articles|reading)",
    r"you (?:may|might) also like:?",
    r"read (?:more|next):?",
    r"advertisement",
    r"(?:accept|reject|decline)(?: all)?(?: cookies)?",
    r"cookie (?:settings|preferences|policy)",
    r".{0,200}\b(?:we|this (?:web)?site) uses? cookies\b.{0,200}",
    r".{0,200}\bcookies?\b.{0,200}\b(?:consent|accept|agree to)\b.{0,200}",
    r"(?:home|blog)\s*[»›>/].{0,150}",
    r"back to top",
)]
BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
# Everything after the start of a comment form is page furniture (up to a reference section).
COMMENTS_START = _full(r"leave a (?:reply|comment)|your email address will not be published\.?.*|comments?")
REFERENCES_HEADING = _full(r"(?:references|sources|bibliography|citations|works cited|literature cited)\s*:?")


def is_furniture(line, *, near_top=False):
    if any(pattern.match(line) for pattern in FURNITURE):
        return True
    return near_top and bool(BYLINE.match(line))


# ---------------------------------------------------------------------------------------------
# Line classification

LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?:(?P<bullet>[-*•·▪◦●–])|(?P<number>\d{1,3})[.)])\s+(?P<text>\S.*)$")
MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
MD_QUOTE = re.compile(r"^\s*>\s?(?P<text>.*)$")
MD_TABLE_CAPTION = re.compile(r"^Table:\s+(?P<caption>\S.*)$")
TERMINAL = ".,;:!…"
# "[1]", "[2, 3]" or superscript digits after a sentence: look through them for its final stop.
TRAILING_REFERENCE = re.compile(r"(?:\s*\[\d[\d,\s–-]*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)+$")


def table_cells(line):
    """The cells of a tab- or pipe-separated row, or None when the line is not a row."""
    if "\t" in line.strip():
        cells = [cell.strip() for cell in re.split(r"\t+", line.strip())]
        return cells if len(cells) >= 2 else None
    stripped = line.strip()
    if stripped.count("|") >= 2 or (stripped.count("|") == 1 and stripped[0] == "|" or stripped[-1:] == "|"):
        inner = stripped[1:] if stripped.startswith("|") else stripped
        inner = inner[:-1] if inner.endswith("|") else inner
        cells = [cell.strip() for cell in inner.split("|")]
        return cells if len(cells) >= 2 else None
    return None


def heading_like(line):
    """A short line that reads like a heading: no final punctuation (except ?), not lowercase."""
    text = TRAILING_REFERENCE.sub("", line.strip())
    words = text.split()
    if not words or len(text) > 100 or len(words) > 14:
        return False
    if text[-1] in TERMINAL or text[0].islower() or text[0] in "([“\"'":
        return False
    return not re.search(r"https?://|www\.", text)


@dataclass
class _Line:
    kind: str  # text, item, row, separator, heading, quote, blank
    text: str = ""
    raw: str = ""
    ordered: bool = False
    number: int = 1
    cells: list = None
    level: int = 2
    indent: int = 0


def classify(raw, *, markdown):
    if not raw.strip():
        return _Line("blank")
    if markdown:
        match = MD_HEADING.match(raw)
        if match:
            return _Line("heading", match["text"], raw, level=len(match["hashes"]))
        match = MD_QUOTE.match(raw)
        if match:
            return _Line("quote", match["text"].strip(), raw)
    if MD_TABLE_SEPARATOR.match(raw) and "-" in raw and ("|" in raw or markdown):
        return _Line("separator", raw=raw)
    cells = table_cells(raw)
    if cells:
        return _Line("row", raw.strip(), raw, cells=cells)
    match = LIST_ITEM.match(raw)
    if match:
        ordered = match["number"] is not None
        return _Line("item", match["text"].strip(), raw, ordered=ordered,
                     number=int(match["number"]) if ordered else 1, indent=len(match["indent"].expandtabs()))
    return _Line("text", raw.strip(), raw, indent=len(raw) - len(raw.lstrip()))


# ---------------------------------------------------------------------------------------------
# Inline text


def inline_text(text):
    return html.escape(text, quote=False)


MD_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^)\s]+)\)")
MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
MD_CODE = re.compile(r"`([^`\n]+)`")


def inline_markdown(text):
    """A small Markdown subset: links (http, https, mailto), **strong**, *em*, `code`."""
    escaped = html.escape(text, quote=False)
    escaped = MD_CODE.sub(r"<code>\1</code>", escaped)
    escaped = MD_LINK.sub(lambda m: f'<a href="{html.escape(html.unescape(m[2]))}">{m[1]}</a>', escaped)
    escaped = MD_STRONG.sub(r"<strong>\2</strong>", escaped)
    return MD_EM.sub(r"<em>\2</em>", escaped)


# ---------------------------------------------------------------------------------------------
# Text and Markdown


def _strip_furniture(lines):
    """Drop furniture lines (a comment form drops everything after it up to a reference section)."""
    kept, dropped, in_comments, content_seen = [], [], False, 0
    for raw in lines:
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        if REFERENCES_HEADING.match(line):
            in_comments = False
        elif in_comments or COMMENTS_START.match(line):
            in_comments = True
            dropped.append(line)
            continue
        if is_furniture(line, near_top=content_seen < 4):
            dropped.append(line)
            kept.append("")
            continue
        content_seen += 1
        kept.append(raw)
    return kept, dropped


def _take_title(lines, *, markdown):
    """Remove and return the first content line (a Markdown '# ' line if there is one first)."""
    for index, raw in enumerate(lines):
        if not raw.strip():
            continue
        title = raw.strip()
        if markdown:
            match = MD_HEADING.match(raw)
            if match:
                title = match["text"]
        title = re.sub(r"\s+", " ", title).strip()
        if len(title) > TITLE_MAX:
            # A first "line" this long is a paragraph: keep it in the body, cut the title.
            cut = title[: TITLE_MAX - 1].rsplit(" ", 1)[0]
            return cut + "…", lines
        return title, lines[:index] + lines[index + 1:]
    return "", lines


def _continues(previous, line):
    """Is `line` the rest of a hard-wrapped sentence? (No final stop above, lowercase start here.)"""
    previous = previous.rstrip("\"'”’)]")
    return bool(previous) and previous[-1] not in ".!?:;…" and (line[0].islower() or line[0] in ",;)–—-")


def _render_table(rows, header, caption=""):
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{inline_text(caption)}</caption>")
    if header:
        out.append("<thead><tr>" + "".join(f'<th scope="col">{inline_text(c)}</th>' for c in rows[0]) + "</tr></thead>")
        rows = rows[1:]
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{inline_text(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _blocks(lines, *, markdown):
    """Group classified lines into HTML blocks."""
    items = [classify(raw, markdown=markdown) for raw in lines]
    fmt = inline_markdown if markdown else inline_text
    blocks = []
    i, n = 0, len(items)

    def next_content(j):
        while j < n and items[j].kind == "blank":
            j += 1
        return items[j] if j < n else None

    caption = ""
    while i < n:
        item = items[i]
        if item.kind == "blank" or item.kind == "separator":
            i += 1
            continue
        following = next_content(i + 1)
        if markdown and item.kind == "text" and following is not None and following.kind == "row" \
                and MD_TABLE_CAPTION.match(item.text):
            caption = MD_TABLE_CAPTION.match(item.text)["caption"]  # "Table: ..." before a table (as Pandoc)
            i += 1
            continue
        if item.kind == "heading":
            level = min(max(item.level, 2), 4)
            blocks.append(f"<h{level}>{fmt(item.text)}</h{level}>")
            i += 1
            continue
        if item.kind == "row":
            j, rows = i, []
            while j < n and items[j].kind in ("row", "separator"):
                rows.append(items[j])
                j += 1
            cells = [row.cells for row in rows if row.kind == "row"]
            if len(cells) >= 2 and len({len(c) for c in cells}) == 1:
                header = (len(rows) > 1 and rows[1].kind == "separator") or "\t" in rows[0].raw
                blocks.append(_render_table(cells, header, caption))
                caption = ""
                i = j
                continue
            # Not evidently a table: keep each line as it stands.
            blocks.extend(f"<p>{fmt(row.raw.strip())}</p>" for row in rows)
            i = j
            continue
        if item.kind == "item":
            following = next_content(i + 1)
            previous = blocks[-1] if blocks else ""
            standalone = not (following and following.kind == "item" and following.ordered == item.ordered)
            if (item.ordered and standalone and heading_like(item.text) and following is not None
                    and not previous.endswith("</ol>")):
                # "1. Magnesium malate" on its own, followed by prose: a numbered subheading.
                blocks.append(f"<h3>{fmt(f'{item.number}. {item.text}')}</h3>")
                i += 1
                continue
            tag = "ol" if item.ordered else "ul"
            entries, start, j = [], item.number, i
            while j < n:
                current = items[j]
                if current.kind == "item" and current.ordered == item.ordered:
                    entries.append(current.text)
                    j += 1
                elif current.kind == "text" and entries and current.indent > 0 and items[j - 1].kind != "blank":
                    entries[-1] += " " + current.text  # an indented continuation line
                    j += 1
                elif current.kind == "blank":
                    after = next_content(j)
                    if after is not None and after.kind == "item" and after.ordered == item.ordered:
                        j += 1
                    else:
                        break
                else:
                    break
            start_attr = f' start="{start}"' if item.ordered and start != 1 else ""
            blocks.append(f"<{tag}{start_attr}>" + "".join(f"<li>{fmt(e)}</li>" for e in entries) + f"</{tag}>")
            i = j
            continue
        if item.kind == "quote":
            j, quoted = i, []
            while j < n and items[j].kind == "quote":
                quoted.append(items[j].text)
                j += 1
            blocks.append(f"<blockquote><p>{fmt(' '.join(q for q in quoted if q))}</p></blockquote>")
            i = j
            continue
        # Plain text: a heading, or a paragraph (wrapped lines joined).
        j, parts = i + 1, [item.text]
        while j < n and items[j].kind == "text" and (markdown or _continues(items[j - 1].text, items[j].text)):
            parts.append(items[j].text)
            j += 1
        if not markdown and j == i + 1 and heading_like(item.text) and next_content(i + 1) is not None:
            blocks.append(f"<h2>{fmt(item.text)}</h2>")
        else:
            blocks.append(f"<p>{fmt(' '.join(parts))}</p>")
        i = j
    return blocks


def count_blocks(body):
    return {
        "paragraphs": len(re.findall(r"<p[\s>]", body)),
        "headings": len(re.findall(r"<h[2-4][\s>]", body)),
        "lists": len(re.findall(r"<(?:ul|ol)[\s>]", body)),
        "tables": len(re.findall(r"<table[\s>]", body)),
    }


def parse_text(text, *, markdown=False):
    """Plain text (or Markdown) -> ImportedArticle with a title and sanitized HTML body."""
    text = normalize_text(text)
    lines, dropped = _strip_furniture(text.split("\n"))
    title, lines = _take_title(lines, markdown=markdown)
    body = clean_html("\n".join(_blocks(lines, markdown=markdown)))
    return ImportedArticle(title=title, body=body, counts=count_blocks(body), dropped=dropped)


def markdown_to_html(text):
    """A Markdown body (no title line, nothing dropped as page furniture) -> sanitized HTML."""
    return clean_html("\n".join(_blocks(normalize_text(text).split("\n"), markdown=True)))


def normalize_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------
# HTML

# Page containers whose content is furniture, dropped whole before the article allowlist runs.
_html_precleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS | {"h1", "h5", "h6", "div", "section", "article", "main"},
    clean_content_tags={"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math",
                        "textarea", "select", "title", "nav", "header", "footer", "aside", "form", "button"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    strip_comments=True,
)
BLOCK_WITH_TEXT = re.compile(r"<(p|h[1-6]|li|div)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def _plain(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def parse_html(document):
    """An HTML page or fragment -> ImportedArticle (title from <h1>, else <title>, else first block)."""
    title = ""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", document, re.IGNORECASE | re.DOTALL)
    if match:
        title = _plain(match[1])
        document = document[: match.start()] + document[match.end():]
    else:
        match = re.search(r"<title\b[^>]*>(.*?)</title>", document, re.IGNORECASE | re.DOTALL)
        if match:
            title = re.split(r"\s+[|–—-]\s+", _plain(match[1]))[0]
    body = _html_precleaner.clean(document)
    body = re.sub(r"<(/?)h1\b", r"<\1h2", body)
    body = re.sub(r"<(/?)h[56]\b", r"<\1h4", body)
    dropped = []

    def drop_furniture(m):
        text = _plain(m[2])
        if text and is_furniture(text):
            dropped.append(text)
            return ""
        return m[0]

    body = BLOCK_WITH_TEXT.sub(drop_furniture, body)
    body = clean_html(body)
    if not title:
        first = re.search(r"<(p|h[2-4])\b[^>]*>(.*?)</\1>", body, re.DOTALL)
        if first:
            title = _plain(first[2])[:TITLE_MAX]
            body = (body[: first.start()] + body[first.end():]).strip()
    return ImportedArticle(title=title[:TITLE_MAX], body=body, counts=count_blocks(body), dropped=dropped)


def parse_document(text, kind, *, name="file"):
    """Dispatch on the format from `read_import_file`; refuse a document with no title or body."""
    article = parse_html(text) if kind == "html" else parse_text(text, markdown=kind == "markdown")
    if not article.title:
        raise ImportFileError(f"{name}: no title found (the first line is the title).")
    if not re.sub(r"<[^>]+>", "", article.body).strip():
        raise ImportFileError(f"{name}: nothing but a title and page furniture; there is no article to import.")
    return article
