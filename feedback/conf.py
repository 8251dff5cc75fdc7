"""Limits of the feedback app; each can be overridden by a Django setting of the same name."""

from django.conf import settings

DEFAULTS = {
    "FEEDBACK_MAX_FILES": 5,
    "FEEDBACK_MAX_FILE_SIZE": 5 * 1024 * 1024,
    "FEEDBACK_MAX_TOTAL_SIZE": 15 * 1024 * 1024,
    # (requests, seconds) per client address
    "FEEDBACK_SUBMIT_LIMITS": ((3, 600), (10, 86400)),
    "FEEDBACK_LOOKUP_LIMIT": (20, 600),
    # failed lookups of one tracking code, from anywhere, before that code is locked for the window
    "FEEDBACK_LOOKUP_FAILURES": (5, 3600),
    "FEEDBACK_MIN_FILL_SECONDS": 5,
    "FEEDBACK_TOKEN_MAX_AGE": 24 * 3600,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
