"""Watch lists: feeds and sitemaps followed for new articles.

Modules: ``feeds`` (bytes to entry addresses, pure), ``entries`` (a watch's
entries in the database: recording, leasing, outcomes), ``watches`` (adding,
listing, pausing and removing watches; the feed's first read).
The articles themselves are ingested by ``claims.services.watching``.
"""
