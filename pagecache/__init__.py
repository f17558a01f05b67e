"""Whole reader pages, and the expensive parts of pages, from the shared cache.

Everything cached belongs to the site's current *content generation* (generation.py): a
token kept in the cache with the moment it stops being valid. A new generation starts when

- an editor changes anything in the admin (`PageCacheAdminSite`, admin.py), or a command
  loads data (`content_changed()`), and
- the clock reaches the next scheduled change: midnight in Riga (every page prints today's
  date, name days and photo of the day), or whatever an app's rows change by themselves —
  an article's publication time, a poll opening or closing. An app tells the page cache
  about such rows by registering their model (`follow_schedule(model)` in its AppConfig's
  `ready()`); the model's queryset says when (`next_change()`). So a scheduled article
  appears exactly on time, cache or not.

The middleware (middleware.py) serves readers without a session from the cache and stores
what is safe to share; the context processor gives templates the generation for their
`{% cache %}` fragments. The cache is used only when it is shared by all app processes
(CACHE_PAGES and CACHE_PAGE_PARTS, see settings), because a generation kept in one
process's memory would not reach the others.
"""

from pagecache.generation import content_changed, follow_schedule

__all__ = ["content_changed", "follow_schedule"]
