"""The yardstick of the load benchmark: the smallest WSGI app, served by the same gunicorn settings."""


def application(environ, start_response):
    body = b"ok"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
