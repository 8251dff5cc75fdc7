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


def elasticsearch_errors():
    """What the Elasticsearch client raises when the service fails or refuses. Nothing when it is not
    configured, so that a site on the database store never imports the client (about 7 MB of every
    web worker's memory)."""
    if not settings.ELASTICSEARCH_URL:
        return ()
    from elasticsearch import ApiError, TransportError

    return (ApiError, TransportError)
