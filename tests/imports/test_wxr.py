"""A WordPress export goes in: what readers see afterwards, and what a rerun changes."""

import pytest
from django.utils import translation

from addresses.models import OldAddress
from gallery.models import Photo
from imports.models import ImportedRecord
from news.models import Article, Section
from scripts.make_archive import HEAD, TAIL, attachment_item, photo_bytes, post_item
from tests.imports.conftest import run_import

pytestmark = pytest.mark.django_db


def ru(article):
    with translation.override("ru"):
        return article.get_absolute_url()


@pytest.fixture
def imported(wxr_sample):
    path, uploads = wxr_sample
    out, err = run_import(path, "--media-dir", uploads)
    return out, err


def test_the_story_is_one_article_in_both_languages(client, imported):
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    assert article.title_ru == "Это нельзя забыть"
    assert [author.name for author in article.byline()] == ["Inese Kalniņa"]
    assert article.section.slug == "kultura"
    assert article.section.name_ru == "Культура"
    assert article.lead == "Koris svin jubileju."
    assert article.published_on.isoformat() == "2019-03-14"
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "To nedrīkst aizmirst" in page.text
    assert "<strong>Krāslavas</strong>" in page.text
    assert "alert(1)" not in page.text and "<script>alert" not in page.text
    assert 'href="https://example.lv/"' in page.text
    russian = client.get(ru(article))
    assert russian.status_code == 200
    assert "Это нельзя забыть" in russian.text
    assert "В концерте участвовал хор Краславы." in russian.text


def test_photos_come_with_captions_credits_and_renditions(client, imported, media_root):
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    main = article.main_photo
    assert main.caption_lv == "Koris uz skatuves"
    assert main.caption_ru == "Хор на сцене"
    assert main.credit_lv == "Jura Rogas foto"
    assert main.credit_ru == "Фото Юриса Роги"
    assert main.alt_text_lv == "Koris dzied"
    assert {r["format"] for r in main.renditions} == {"webp", "jpg"}
    for rendition in main.renditions:
        assert (media_root / rendition["name"]).is_file()
    # The [gallery] shortcode and the embedded <img> became the article's further photos.
    gallery = article.gallery_photos()
    assert len(gallery) == 3
    assert all(photo.renditions for photo in gallery)
    assert "<img" not in article.body_lv and "[gallery" not in article.body_lv
    page = client.get(article.get_absolute_url())
    assert main.url_of(main.fallback_rendition()) in page.text
    for photo in gallery:
        assert photo.srcset("webp").split(" ")[0] in page.text
    assert "Jura Rogas foto" in page.text
    assert "Фото Юриса Роги" in client.get(ru(article)).text


def test_a_bare_link_gallery_becomes_photos_and_a_foreign_link_stays(imported):
    article = Article.objects.get(slug="sporta-svetki-indra")
    assert len(article.gallery_photos()) == 2
    assert "saite-1.jpg" not in article.body_lv
    assert 'href="https://elsewhere.example/x.jpg"' in article.body_lv
    assert article.published_on.isoformat() == "2019-03-15"  # local time, no GMT given


def test_search_and_feeds_find_the_imported_articles(client, imported):
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    results = client.get("/meklet/", {"q": "nedrīkst aizmirst"})
    assert article.get_absolute_url() in results.text
    russian = client.get("/ru/meklet/", {"q": "хор Краславы"})
    assert ru(article) in russian.text
    feed = client.get("/rss/")
    assert "To nedrīkst aizmirst" in feed.text and "Sporta svētki Indrā" in feed.text
    assert "Melnraksts" not in feed.text  # a draft stays a draft
    assert Article.objects.get(slug="melnraksts").is_published is False


def test_old_addresses_answer_301(client, imported):
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    assert client.get("/?p=100")["Location"] == article.get_absolute_url()
    assert client.get("/?p=101")["Location"] == ru(article)
    old = client.get("/2019/03/14/to-nedrikst-aizmirst/")
    assert old.status_code == 301
    assert old["Location"] == article.get_absolute_url()
    assert client.get("/ru/eto-nelzya-zabyt/")["Location"] == ru(article)
    section = Section.objects.get(slug="kultura")
    assert client.get("/category/kultura/")["Location"] == section.get_absolute_url()
    with translation.override("ru"):
        section_ru = section.get_absolute_url()
    assert client.get("/category/kultura-ru/")["Location"] == section_ru
    target = client.get(old["Location"])
    assert target.status_code == 200


def test_each_bad_record_is_reported_in_one_line_and_nothing_else_is_lost(imported):
    out, err = imported
    skipped = [line for line in out.splitlines() if line.startswith("Skipped")]
    assert len(skipped) == 5, out
    reasons = "\n".join(skipped)
    assert "wp:200: 2019/03/nav-bilde.jpg: " in reasons  # the gallery's own refusal
    assert "wp:201: attachment 2019/03/pazudis.jpg is missing" in reasons
    assert "wp:202: the date '14.03.2019 ap pusdienu' does not parse" in reasons
    assert "wp:203: the slug 'to-nedrikst-aizmirst' is already used by article #" in reasons
    assert "wp:204: broken HTML" in reasons
    assert "Traceback" not in out + err
    assert "3 new, 0 updated, 0 unchanged, 5 skipped" in out
    assert set(Article.objects.values_list("slug", flat=True)) == {
        "to-nedrikst-aizmirst",
        "sporta-svetki-indra",
        "melnraksts",
    }
    # No half-written article: no photo row or file was kept for the non-photo.
    assert Photo.objects.count() == 6
    assert not Article.objects.filter(title_lv="Ne bilde").exists()


def test_a_second_run_changes_nothing(wxr_sample, imported, media_root):
    path, uploads = wxr_sample
    before = {
        "articles": list(Article.objects.values_list("pk", "updated_at")),
        "photos": Photo.objects.count(),
        "files": sorted(p.name for p in media_root.rglob("*") if p.is_file()),
        "addresses": OldAddress.objects.count(),
        "records": ImportedRecord.objects.count(),
    }
    out, _err = run_import(path, "--media-dir", uploads)
    assert "0 new, 0 updated, 3 unchanged, 5 skipped" in out
    after = {
        "articles": list(Article.objects.values_list("pk", "updated_at")),
        "photos": Photo.objects.count(),
        "files": sorted(p.name for p in media_root.rglob("*") if p.is_file()),
        "addresses": OldAddress.objects.count(),
        "records": ImportedRecord.objects.count(),
    }
    assert after == before


def test_a_changed_source_updates_the_same_article(wxr_sample, imported):
    path, uploads = wxr_sample
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    path.write_text(path.read_text().replace("Koris svin jubileju.", "Koris svin 50 gadus."))
    out, _err = run_import(path, "--media-dir", uploads)
    assert "0 new, 1 updated, 2 unchanged" in out
    article.refresh_from_db()
    assert article.lead_lv == "Koris svin 50 gadus."
    assert Article.objects.filter(title_lv="To nedrīkst aizmirst").count() == 1
    assert len(article.gallery_photos()) == 3


def test_dry_run_lists_and_writes_nothing(wxr_sample, media_root):
    path, uploads = wxr_sample
    out, _err = run_import(path, "--media-dir", uploads, "--dry-run")
    assert "Would create wp:100: To nedrīkst aizmirst" in out
    assert "Skipped wp:200" in out
    assert "Dry run: nothing was written." in out
    assert Article.objects.count() == 0
    assert Photo.objects.count() == 0
    assert OldAddress.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_an_editors_later_change_of_address_keeps_the_imported_ones(client, imported):
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    first = article.get_absolute_url()
    article.slug = "koris-svin"
    article.save()
    assert client.get(first)["Location"] == article.get_absolute_url()
    assert client.get("/?p=100")["Location"] == article.get_absolute_url()


def test_a_photos_old_attachment_pages_answer_301_to_its_article(client, imported):
    """WordPress gave every photo a page: /?attachment_id=<id> (or /?p=<id>), the post's
    address with the attachment's slug, or the attachment's own link. A photo has no page
    of its own here; its old pages lead to the article that shows it, per language."""
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    url = article.get_absolute_url()
    for old in [
        "/?attachment_id=10",  # the main photo
        "/?p=10",
        "/2019/03/14/to-nedrikst-aizmirst/koncerts/",
        "/?attachment_id=12",  # a gallery photo
        "/to-nedrikst-aizmirst/skatitaji/",
        "/2019/03/14/to-nedrikst-aizmirst/skatitaji/",
        "/?attachment_id=13",
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, url), old
    assert client.get("/?attachment_id=11")["Location"] == ru(article)  # the Russian photo
    assert client.get(url).status_code == 200
    # A skipped story's photo has no page to go to, and an unknown id stays unknown.
    assert client.get("/?attachment_id=14").status_code == 200  # the front page, no redirect
    assert client.get("/2019/03/17/ne-bilde/salauzts/").status_code == 404


def test_a_byline_signed_at_the_end_of_the_text_becomes_the_byline(tmp_path, media_root):
    """Old posts were often signed in the text ("Teksts: …, foto: …") by someone other than
    the WordPress user who posted them; only a labelled last paragraph counts."""
    uploads = tmp_path / "uploads"
    (uploads / "2019/03").mkdir(parents=True)
    (uploads / "2019/03/a.jpg").write_bytes(photo_bytes(700, 500, 1))
    posts = [
        attachment_item(10, "2019/03/a.jpg", "Tirgus", "", "", ""),
        post_item(
            100,
            title="Tirgus laukumā",
            slug="tirgus",
            body="Tirgū bija daudz ļaužu.\n\nTeksts: Anna Bērziņa, foto: Jānis Ozols",
            date="2019-03-14 08:00:00",
            category=("novads", "Novadā"),
            language="lv",
            group="pll_t",
            thumbnail=10,
        ),
        post_item(
            101,
            title="Рынок",
            slug="rynok",
            body="<p>На рынке было много людей.</p><p><b>Текст:</b> Анна Берзиня</p>",
            date="2019-03-14 08:00:00",
            category=("krai-ru", "В крае"),
            language="ru",
            group="pll_t",
        ),
        post_item(
            102,
            title="Vēstule",
            slug="vestule",
            body="Paldies visiem, kas palīdzēja.\n\nInese Kalniņa",  # unlabelled: text
            date="2019-03-15 08:00:00",
            category=("novads", "Novadā"),
            language="lv",
        ),
        post_item(
            103,
            title="Bez foto",
            slug="bez-foto",
            body="Teksts par kaut ko.\n\nTeksts: Anna Bērziņa; foto: Jānis Ozols",
            date="2019-03-16 08:00:00",
            category=("novads", "Novadā"),
            language="lv",
        ),
    ]
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(posts) + TAIL, encoding="utf-8")
    out, _err = run_import(path, "--media-dir", uploads)
    assert "3 new, 0 updated, 0 unchanged, 0 skipped" in out
    signed = Article.objects.get(slug="tirgus")
    assert [author.name for author in signed.byline()] == ["Anna Bērziņa"]
    assert "Teksts" not in signed.body_lv and "Tirgū bija daudz ļaužu." in signed.body_lv
    assert "Текст" not in signed.body_ru and "На рынке было много людей." in signed.body_ru
    assert signed.main_photo.credit_lv == "Foto: Jānis Ozols"
    letter = Article.objects.get(slug="vestule")
    assert [author.name for author in letter.byline()] == ["Inese Kalniņa"]  # the WordPress user
    assert "Inese Kalniņa" in letter.body_lv  # the signature stays in the text
    # A photographer signed with no photo to credit: the line stays, nothing is lost.
    unphotographed = Article.objects.get(slug="bez-foto")
    assert "Jānis Ozols" in unphotographed.body_lv
    assert [author.name for author in unphotographed.byline()] == ["Inese Kalniņa"]


def test_a_sections_old_address_may_come_with_a_later_story(client, tmp_path, media_root):
    """Sections are kept for the rest of the run once written, but what a later story adds
    to one (another old address of its Russian category) is still written."""
    culture = ("kultura", "Kultūra")
    posts = []
    for number, ru_category in [(100, "kultura-ru"), (102, "kultura-vecais")]:
        posts += [
            post_item(
                number,
                title=f"Stāsts {number}",
                slug=f"stasts-{number}",
                body="Teksts.",
                date="2019-03-14 08:00:00",
                category=culture,
                language="lv",
                group=f"pll_{number}",
            ),
            post_item(
                number + 1,
                title=f"Рассказ {number}",
                slug=f"rasskaz-{number}",
                body="Текст.",
                date="2019-03-14 08:00:00",
                category=(ru_category, "Культура"),
                language="ru",
                group=f"pll_{number}",
            ),
        ]
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(posts) + TAIL, encoding="utf-8")
    out, _err = run_import(path)
    assert "2 new, 0 updated, 0 unchanged, 0 skipped" in out
    section = Section.objects.get()
    assert (section.name_lv, section.name_ru) == ("Kultūra", "Культура")
    with translation.override("ru"):
        section_ru = section.get_absolute_url()
    assert client.get("/category/kultura-ru/")["Location"] == section_ru
    assert client.get("/category/kultura-vecais/")["Location"] == section_ru
    assert client.get("/category/kultura/")["Location"] == section.get_absolute_url()
