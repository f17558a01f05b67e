"""Photos in templates: responsive pictures, captions, article galleries, the photo of the day.

Template API (issue 6), for every app's templates:

    {% load gallery_tags %}

    {% picture photo sizes="(min-width: 60em) 45rem, 100vw" %}
        A <picture>: a WebP <source srcset sizes> and a JPEG <img src srcset sizes width
        height alt loading decoding="async">. `loading` is "lazy" (the default, for
        anything below the fold) or "eager" (the main photo at the top of a page), which
        also sets fetchpriority="high" unless `fetchpriority` says otherwise. No query: the
        renditions are listed on the photo row (select_related the photo in lists).

    {% include "gallery/_caption.html" with photo=photo %}
        A <figcaption> with the caption and the credit ("Jura Rogas foto"); nothing if
        the photo has neither. Put it inside the <figure> around {% picture %}.

    {% include "gallery/_gallery.html" with photos=photos %}
        An ordered list of photos as a horizontal scroll-snap strip (CSS only, no
        JavaScript, nothing from a CDN), each linking to its largest JPEG, with caption
        and credit. Needs static/css/gallery.css.

    {{ photo|largest_jpeg_url }}
        The URL of the widest JPEG rendition (for og:image, feeds, downloads).

    {% photo_of_the_day %}
        The sidebar block: the latest photo of the day up to today in Riga, never a
        future one. One query.

    {% photo_of_day day %}
        The photo of the day of `day` on the day page, or nothing when that day had none
        (or its day has not come). One query.
"""

from django import template
from django.utils.html import format_html

from config.languages import lang_attr
from gallery.models import Photo

register = template.Library()


@register.simple_tag
def picture(photo, sizes="100vw", loading="lazy", fetchpriority=None):
    # Built in Python, not from a template: a front page shows dozens of these, and
    # rendering a template for each was a fifth of the page's time.
    if loading != "eager":
        loading = "lazy"
    fetchpriority = fetchpriority or ("high" if loading == "eager" else None)
    fallback = photo.fallback_rendition()
    webp, jpeg = photo.srcset("webp"), photo.srcset("jpg")
    return format_html(
        '<picture>{}<img src="{}"{} width="{}" height="{}" alt="{}"{} loading="{}"'
        ' decoding="async"{}></picture>',
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes)
        if webp
        else "",
        photo.url_of(fallback),
        format_html(' srcset="{}" sizes="{}"', jpeg, sizes) if jpeg else "",
        fallback["width"],
        fallback["height"],
        photo.alt_text,
        lang_attr(photo, "alt_text"),
        loading,
        format_html(' fetchpriority="{}"', fetchpriority) if fetchpriority else "",
    )


@register.filter
def largest_jpeg_url(photo):
    return photo.largest_jpeg_url()


@register.inclusion_tag("gallery/_photo_of_the_day.html")
def photo_of_the_day():
    return {"photo": Photo.objects.latest_of_the_day()}


@register.inclusion_tag("gallery/_day_photo.html")
def photo_of_day(day):
    return {"photo": Photo.objects.shown().filter(shown_on=day).first()}
