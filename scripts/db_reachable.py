"""Exit 0 when the database behind a DATABASE_URL accepts connections."""

import sys

import dj_database_url
import psycopg

config = dj_database_url.parse(sys.argv[1])
try:
    psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        connect_timeout=3,
    ).close()
except psycopg.Error as exc:
    print(f"PostgreSQL unreachable: {exc}".strip(), file=sys.stderr)
    sys.exit(1)
