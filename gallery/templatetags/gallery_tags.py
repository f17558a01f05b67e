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
"""

from django import template

from gallery.models import Photo

register = template.Library()


@register.inclusion_tag("gallery/_picture.html")
def picture(photo, sizes="100vw", loading="lazy", fetchpriority=None):
    if loading != "eager":
        loading = "lazy"
    fallback = photo.fallback_rendition()
    return {
        "photo": photo,
        "sizes": sizes,
        "webp_srcset": photo.srcset("webp"),
        "jpeg_srcset": photo.srcset("jpg"),
        "src": photo.url_of(fallback),
        "width": fallback["width"],
        "height": fallback["height"],
        "loading": loading,
        "fetchpriority": fetchpriority or ("high" if loading == "eager" else None),
    }


@register.filter
def largest_jpeg_url(photo):
    return photo.url_of(photo.largest_jpeg())


@register.inclusion_tag("gallery/_photo_of_the_day.html")
def photo_of_the_day():
    return {"photo": Photo.objects.latest_of_the_day()}
