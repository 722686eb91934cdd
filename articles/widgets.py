"""The article body editor, chosen in this one place.

The body is a plain `TextField` of sanitized HTML; nothing in the model knows which editor wrote
it. Swapping CKEditor 4 for another editor (e.g. django-ckeditor-5) means changing `body_widget()`
only: no data migration, no template change.

What the editor may produce is derived from the sanitizer's allowlist (`articles.sanitize`), so
CKEditor's Advanced Content Filter never offers what the server would strip on save (no styles,
no classes, no images or embeds) and never drops what the server keeps (e.g. `th scope`).
"""

from ckeditor.widgets import CKEditorWidget
from django.forms import Media
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.functional import lazy

from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

CITE_PLUGIN = "articles/ckeditor/cite/plugin.js"

# Attributes CKEditor must keep although the sanitizer adds rather than allows them
# (nh3 sets rel="noopener noreferrer" on every link itself).
EDITOR_EXTRA_ATTRIBUTES = {"a": {"rel"}}


def allowed_content():
    """CKEditor ACF rules mirroring the sanitizer allowlist: 'p br ...; a[href,title]; ...'.

    No `{styles}` and no `(classes)` anywhere, so the editor strips them on paste too.
    """
    attributes = {tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    for tag, extra in EDITOR_EXTRA_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(extra)
    plain = sorted(ALLOWED_TAGS - set(attributes))
    rules = [" ".join(plain)]
    rules += [f"{tag}[{','.join(sorted(attrs))}]" for tag, attrs in sorted(attributes.items()) if tag in ALLOWED_TAGS]
    return "; ".join(rules)


def _plugin_resource(path):
    """(directory URL, file name) of a static file, resolved at render time.

    Resolving the file itself, not its directory, keeps this working with the manifest storage
    in production (hashed names exist for files only).
    """
    url = static(path)
    directory, _, filename = url.rpartition("/")
    return directory + "/", filename


_plugin_dir = lazy(lambda path: _plugin_resource(path)[0], str)
_plugin_file = lazy(lambda path: _plugin_resource(path)[1], str)


class ArticleBodyWidget(CKEditorWidget):
    """CKEditor 4 plus the shim that lets it run under the admin's script CSP (no 'unsafe-inline').

    See static/articles/ckeditor/csp-shim.js: CKEditor's inline event handlers become listeners.
    """

    @property
    def media(self):
        # Naming ckeditor.js again pins the order: the shim must run after it, before any editor.
        return super().media + Media(js=["ckeditor/ckeditor/ckeditor.js", "articles/ckeditor/csp-shim.js"])


def body_widget():
    """The article body widget: CKEditor 4 with the "article" config and the Cite button."""
    widget = ArticleBodyWidget(
        config_name="article",
        extra_plugins=["cite"],
        external_plugin_resources=[("cite", _plugin_dir(CITE_PLUGIN), _plugin_file(CITE_PLUGIN))],
    )
    toolbar = [list(group) for group in widget.config.get("toolbar_Article", [])]
    if not any("Cite" in group for group in toolbar):
        # The Cite button sits beside the links: citing is the editor's most frequent action.
        position = next((i + 1 for i, group in enumerate(toolbar) if "Link" in group), len(toolbar))
        toolbar.insert(position, ["Cite"])
    widget.config.update({
        "toolbar_Article": toolbar,
        "allowedContent": allowed_content(),
        # The Cite dialog's source search (a staff-only admin view).
        "citeSourcesUrl": reverse_lazy("admin:articles_article_sources"),
        # Paste from Word/Docs/web: keep structure, drop fonts, colours and classes.
        "pasteFromWordRemoveFontStyles": True,
        "pasteFromWordRemoveStyles": True,
    })
    return widget
