"""Admin forms for articles and author profiles: the editor widget and the editorial rules."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from PIL import Image

from articles.citations import resolve_markers
from articles.models import FAQ, Article, AuthorProfile, KeyPoint
from articles.sanitize import clean_html
from articles.services import article_check_version, check_slug
from articles.widgets import body_widget

MAX_IMAGE_BYTES = 5 * 1024 * 1024
TAG_MAX_LENGTH = 100  # taggit's Tag.name column
MAX_IMAGE_SIDE = 8000
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# Markup a browser could render if it ever sniffed the file as a page (a "polyglot": a valid image
# that is also HTML). Long, specific markers only: random compressed pixels never spell them.
HIDDEN_MARKUP = re.compile(
    rb"<(?:script|iframe|object|embed|\?php|!doctype)|<(?:html|body)[\s>/]|javascript:", re.IGNORECASE)


def image_end(data, image_format):
    """Where the image data ends (PNG: after the IEND chunk; WebP: the RIFF size), or None."""
    if image_format == "PNG":
        offset = 8
        while offset + 8 <= len(data):
            length = int.from_bytes(data[offset:offset + 4], "big")
            kind = data[offset + 4:offset + 8]
            offset += 12 + length
            if kind == b"IEND":
                return offset
        return None
    if image_format == "WEBP" and data[:4] == b"RIFF":
        size = int.from_bytes(data[4:8], "little")
        return 8 + size + (size % 2)
    return None  # JPEG: an end marker also ends embedded thumbnails; the markup check covers it


def validate_image_content(data, image_format):
    """Refuse an image that carries something else: data after the image's end, or markup."""
    end = image_end(data, image_format)
    if end is not None and data[end:].strip(b"\0"):
        raise ValidationError(
            "This file has %(count)s bytes of other data after the image. Export the image again "
            "(e.g. save it as a new PNG or JPEG) and upload that.",
            code="image_trailing_data", params={"count": len(data) - end},
        )
    if HIDDEN_MARKUP.search(data):
        raise ValidationError(
            "This image contains web page code (HTML or script) in its data or metadata. Export the "
            "image again (e.g. save it as a new PNG or JPEG) and upload that.",
            code="image_markup",
        )


def validate_image_upload(upload):
    """Accept JPEG, PNG or WebP up to 5 MB, judged by the file's content, not its name.

    Django's ImageField has already opened the file with Pillow (`upload.image`); this adds the
    size limit, the format allowlist, a sane pixel size (a tiny file can decode to a huge
    image) and refuses polyglots (an image that is also a web page). A stored file that was not
    re-uploaded (a plain FieldFile) is not checked again.
    """
    if upload is None or not hasattr(upload, "content_type"):
        return
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            "This image is %(size)s; the limit is %(limit)s. Export it smaller (2000 px wide is plenty).",
            code="image_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    image = getattr(upload, "image", None)
    if image is None:
        upload.seek(0)
        try:
            with Image.open(upload) as opened:
                opened.verify()
                image = opened
        except Exception as exc:  # Pillow raises many types for a non-image
            raise ValidationError("This file is not an image Pillow can read.", code="invalid_image") from exc
        finally:
            upload.seek(0)
    if image.format not in IMAGE_FORMATS:
        raise ValidationError(
            "Upload a JPEG, PNG or WebP image (this file is %(format)s).",
            code="image_format", params={"format": image.format or "not a recognised image"},
        )
    width, height = image.size
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ValidationError(
            "This image is %(width)s×%(height)s px; keep each side under %(max)s px.",
            code="image_dimensions", params={"width": width, "height": height, "max": MAX_IMAGE_SIDE},
        )
    upload.seek(0)
    try:
        validate_image_content(upload.read(), image.format)
    finally:
        upload.seek(0)


class ArticleBodyField(forms.CharField):
    """The body as sanitized HTML; "changed" only when the sanitized content differs.

    CKEditor re-serializes what it loads (line breaks between blocks, entity choices), so a raw
    comparison would report an untouched body as changed in every history entry.
    """

    @staticmethod
    def normalized(value):
        return re.sub(r">\s+<", "><", clean_html(value or "")).strip()

    def has_changed(self, initial, data):
        return self.normalized(initial) != self.normalized(data)


ARTICLE_HELP_TEXTS = {
    "authors": "Who wrote the article. Start typing a name; only people with a public profile appear.",
    "status": "Where the article is in the editorial workflow. Only “Published” articles with a "
              "publication date in the past are visible to readers.",
    "published_at": "When the article went (or goes) live; set by the Publish and Schedule actions.",
    "last_reviewed_at": "The date the medical reviewer last checked the claims; shown to readers.",
    "next_review_due": "When the claims should be checked again (typically within 12 months).",
    "related_forms": "Magnesium forms the article discusses; their pages will link back here.",
    "related_foods": "Foods the article discusses; their pages will link back here.",
    "related_conditions": "Conditions the article discusses; their pages will link back here.",
}


class ArticleAdminForm(forms.ModelForm):
    """The article form the admin uses: CKEditor for the body, citations checked at the field, and
    the version the form was opened at, so a save over someone else's newer one is refused here
    with the editor's text still in the form. Status and review dates are not on it: only the
    workflow (review.workflow) changes them."""

    change_summary = forms.CharField(
        label="What changed", required=False, max_length=300,
        help_text="For readers, once this revision is published: e.g. “Dose table corrected”. Leave empty for "
                  "a first draft or a change readers need not be told about.")
    expected_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False,
        help_text="The version of the article this form was opened at (kept by the form, not typed).")

    class Meta:
        model = Article
        fields = [
            "title", "slug", "standfirst", "body", "authors", "medical_reviewer", "tags", "related_forms",
            "related_foods", "related_conditions", "image", "image_alt", "seo_title", "seo_description",
        ]
        widgets = {"body": body_widget()}
        field_classes = {"body": ArticleBodyField}
        help_texts = ARTICLE_HELP_TEXTS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expected_version"] = self.instance.version

    @property
    def changed_data(self):
        # The version guard is bookkeeping, not an edit (keeps history comments honest).
        return [name for name in super().changed_data if name != "expected_version"]

    def clean_expected_version(self):
        expected = self.cleaned_data.get("expected_version")
        if self.instance.pk:
            article_check_version(article=self.instance, expected_version=expected)  # StaleEditError
        return expected

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if self.instance.pk:
            check_slug(article=self.instance, slug=slug)  # a published article keeps its address
        return slug

    def clean_image(self):
        image = self.cleaned_data.get("image")
        validate_image_upload(image)
        return image

    def clean_tags(self):
        """Each topic gets a page whose address is made from its name (taggit slugifies it): a name
        with no letter or digit (“<>”) would get an empty address, which no link can point to,
        and every page listing the topic would fail. Longer names do not fit the column."""
        names = self.cleaned_data.get("tags") or []
        for name in names:
            if not slugify(name, allow_unicode=True):
                raise ValidationError(
                    "The topic “%(name)s” has no letters or digits; give it a name readers can read.",
                    code="tag_unreadable", params={"name": name},
                )
            if len(name) > TAG_MAX_LENGTH:
                raise ValidationError(
                    "The topic “%(name)s…” is longer than %(max)s characters; topics are a word or two.",
                    code="tag_too_long", params={"name": name[:40], "max": TAG_MAX_LENGTH},
                )
        return names

    def clean_body(self):
        """Sanitize, then resolve every citation marker: an unknown source is an error here."""
        body = clean_html(self.cleaned_data.get("body", ""))
        if not body:
            raise ValidationError("Write the article before saving.", code="required")
        resolve_markers(body)  # raises ValidationError naming each bad marker
        return body


class AuthorProfileAdminForm(forms.ModelForm):
    class Meta:
        model = AuthorProfile
        fields = ["user", "display_name", "slug", "credentials", "is_medical_reviewer", "bio", "photo"]
        help_texts = {"user": "The staff account this profile belongs to (one profile per account)."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A plain list of staff accounts: managing editors may not browse the user admin, which
        # an autocomplete would need.
        if "user" in self.fields:
            self.fields["user"].queryset = get_user_model().objects.filter(is_staff=True).order_by("username")

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        validate_image_upload(photo)
        return photo


class KeyPointForm(forms.ModelForm):
    class Meta:
        model = KeyPoint
        fields = ["text", "order"]
        help_texts = {"order": "Lower numbers come first."}
        widgets = {"text": forms.TextInput(attrs={"size": 90})}


class FAQForm(forms.ModelForm):
    class Meta:
        model = FAQ
        fields = ["question", "answer", "order"]
        help_texts = {
            "question": "A question readers actually ask, in their words, ending with “?”.",
            "order": "Lower numbers come first.",
        }
        widgets = {"answer": forms.Textarea(attrs={"rows": 3, "cols": 80})}
