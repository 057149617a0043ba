"""Errors of the persistence layer, and the root of every factdesk error.

    FactdeskError                 every error a user may see; str() is one line
     ├── DatabaseError            (db) engine, URL, migration problems
     │    ├── BadDatabaseURL
     │    └── SchemaOutOfDate
     ├── sources.errors.SourceError   (sources) fetching, decoding, extraction
     └── claims.errors.ClaimError     (claims) extraction, review, reports

The message of each error names the input and says what to do about it; the
command line prints it as one line on stderr and exits with status 1.
"""

from __future__ import annotations


class FactdeskError(Exception):
    """Base of every error factdesk reports to a user."""


class DatabaseError(FactdeskError):
    """The database could not be opened, migrated or written."""


class BadDatabaseURL(DatabaseError):
    """The database URL names no engine factdesk supports."""


class SchemaOutOfDate(DatabaseError):
    """The database schema is older than this version of factdesk."""
