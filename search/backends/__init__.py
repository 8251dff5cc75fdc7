"""The configured stores: the database store always (PostgreSQL or SQLite, whichever the site runs
on), Elasticsearch when `ELASTICSEARCH_URL` is set. Both follow `base.Store`."""

from django.conf import settings
from django.db import connection


def database():
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresStore

        return PostgresStore()
    from search.backends.sqlite import SqliteStore

    return SqliteStore()


def elasticsearch():
    if not settings.ELASTICSEARCH_URL:
        return None
    from search.backends.elastic import ElasticsearchStore

    return ElasticsearchStore()
