"""Reading the environment in one place, so every setting documents where it comes from."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} phải là một số nguyên (đang là {value!r}).") from exc


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name, hint):
    value = env(name)
    if value is None:
        raise ImproperlyConfigured(f"Thiếu biến môi trường {name}: {hint}")
    return value
