"""Uploads are judged by their content and size, through the admin forms editors use: the article
lead image, the author photo and the reference library's CSV import."""

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, AuthorProfile
from reference.models import Source
from review.roles import MANAGING_EDITOR
from tests.review.factories import make_source, make_user
from tests.review.formdata import form_data

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def image_bytes(fmt="PNG", size=(40, 30), **save):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def png_with_text_chunk(text):
    """A valid PNG with a tEXt metadata chunk (inserted before IEND, with a correct CRC)."""
    data = image_bytes()
    chunk_data = b"Comment\0" + text
    chunk = len(chunk_data).to_bytes(4, "big") + b"tEXt" + chunk_data + \
        zlib.crc32(b"tEXt" + chunk_data).to_bytes(4, "big")
    return data[:-12] + chunk + data[-12:]


def jpeg_with_comment(text):
    return image_bytes("JPEG", comment=text)


def noise_png(min_bytes):
    side = 1400
    while True:
        buffer = io.BytesIO()
        Image.frombytes("RGB", (side, side), __import__("os").urandom(side * side * 3)).save(buffer, "PNG")
        if buffer.tell() > min_bytes:
            return buffer.getvalue()
        side += 200


REFUSED = {
    "html named .png": ("lead.png", HTML, "Upload a valid image"),
    "svg": ("lead.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect/></svg>",
            "Upload a valid image"),
    "svg named .png": ("lead.png", b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>",
                       "Upload a valid image"),
    "gif/js polyglot": ("lead.png", b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1)//;", "Upload a valid image"),
    "real gif": ("lead.gif", image_bytes("GIF"), "this file is GIF"),
    "png + html after IEND": ("lead.png", image_bytes() + HTML, "other data after the image"),
    "png + zip after IEND": ("lead.png", image_bytes() + b"PK\x03\x04" + b"\x00" * 26 + b"evil.php", "other data"),
    "png with html in a text chunk": ("lead.png", png_with_text_chunk(HTML), "web page code"),
    "jpeg with script in a comment": ("lead.jpg", jpeg_with_comment(HTML), "web page code"),
    "jpeg + html appended": ("lead.jpg", image_bytes("JPEG") + HTML, "web page code"),
    "webp + html after the RIFF": ("lead.webp", image_bytes("WEBP") + HTML, "other data after the image"),
    "empty file named .png": ("lead.png", b"", "The submitted file is empty"),
}


@pytest.fixture
def staff(client):
    user = make_user(MANAGING_EDITOR)
    client.force_login(user)
    return user


def post_article(client, upload, slug="with-image"):
    data = form_data(client.get("/admin/articles/article/add/").content, "article_form")
    data.update({"title": "Lead image", "slug": slug, "body": "<p>Text.</p>", "image_alt": "Pumpkin seeds",
                 "image": upload})
    return client.post("/admin/articles/article/add/", data)


def post_photo(client, profile, upload):
    url = f"/admin/articles/authorprofile/{profile.pk}/change/"
    data = form_data(client.get(url).content, "authorprofile_form")
    data["photo"] = upload
    return client.post(url, data)


@pytest.mark.parametrize("case", REFUSED)
def test_article_image_and_author_photo_refuse_what_is_not_a_plain_image(client, staff, case):
    name, content, message = REFUSED[case]
    response = post_article(client, SimpleUploadedFile(name, content, content_type="image/png"))
    assert response.status_code == 200, case
    assert message in " ".join(response.context["adminform"].form.errors["image"]), case
    assert not Article.objects.exists()

    response = post_photo(client, staff.profile, SimpleUploadedFile(name, content, content_type="image/png"))
    assert response.status_code == 200, case
    assert message in " ".join(response.context["adminform"].form.errors["photo"]), case
    assert not AuthorProfile.objects.get(pk=staff.profile.pk).photo


def test_an_image_over_5_mb_is_refused_by_size(client, staff):
    big = noise_png(5 * 1024 * 1024 + 1)
    response = post_article(client, SimpleUploadedFile("big.png", big, content_type="image/png"))
    assert "the limit is 5.0\xa0MB" in " ".join(response.context["adminform"].form.errors["image"])
    response = post_photo(client, staff.profile, SimpleUploadedFile("big.png", big, content_type="image/png"))
    assert "the limit is 5.0\xa0MB" in " ".join(response.context["adminform"].form.errors["photo"])


@pytest.mark.parametrize("fmt, name", [("PNG", "lead.png"), ("JPEG", "lead.jpg"), ("WEBP", "lead.webp"),
                                       ("JPEG", "photo.JPEG")])
def test_real_small_images_are_accepted_unchanged(client, staff, fmt, name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = image_bytes(fmt) if fmt != "JPEG" else image_bytes(fmt, exif=Image.Exif())
    response = post_article(client, SimpleUploadedFile(name, content, content_type="image/jpeg"))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.get()
    assert article.image.read() == content
    response = post_photo(client, staff.profile, SimpleUploadedFile(name, content, content_type="image/jpeg"))
    assert response.status_code == 302
    assert AuthorProfile.objects.get(pk=staff.profile.pk).photo


# The reference library's CSV import.

IMPORT_URL = "/admin/reference/source/import/"


def post_csv(client, name, content):
    return client.post(IMPORT_URL, {"resource": "0", "format": "0",
                                    "import_file": SimpleUploadedFile(name, content, content_type="text/csv")})


@pytest.mark.parametrize("name, content, message", [
    ("sources.csv", image_bytes(), "is not a CSV text file"),
    ("sources.csv", b"PK\x03\x04" + bytes(range(256)) * 4, "is not a CSV text file"),  # an .xlsx renamed
    ("sources.csv", b"title,year\nA\x00B,2020\n", "is not a CSV text file"),
    ("sources.csv", b"title,year\n\xff\xfeweird,2020\n", "is not a CSV text file"),
    ("sources.csv", b"title,year\n" + b"A long title of a study,2020\n" * 80_000, "a CSV import is limited to 2.0"),
])
def test_csv_import_refuses_non_csv_and_oversized_files_with_a_clear_message(client, staff, name, content, message):
    staff.is_superuser = True  # import permission
    staff.save()
    response = post_csv(client, name, content)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["import_file"])
    assert message in errors
    assert "Error" not in errors  # no exception names (UnicodeDecodeError) for the editor to decode
    assert not Source.objects.exists()


def test_csv_import_of_a_real_file_reaches_the_preview(client, staff):
    staff.is_superuser = True
    staff.save()
    make_source(title="Existing", pmid="31234567")
    csv = "title,authors,year,pmid,study_design\nMagnésium trial,Doe J,2021,39999999,rct\n".encode()
    response = post_csv(client, "sources.csv", "\ufeff".encode() + csv)
    assert response.status_code == 200
    assert response.context["form"].errors == {}
    assert response.context["confirm_form"] is not None
