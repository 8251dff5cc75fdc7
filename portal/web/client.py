"""The one place that decides a client's address: the login throttle (django-axes), the rate limits
(django-ratelimit), the password-reset throttle and the daily visitor id all ask `client_address`.

Each proxy appends the address it received a request from to X-Forwarded-For, so only the entries on
the right, written by our own proxies, can be believed; anything further left the client wrote. The
address is read from the right, past `TRUSTED_PROXY_COUNT` proxies, or past every hop inside
`TRUSTED_PROXIES` (networks) when that list is set.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def _address(value):
    """A normalised IP address from a header entry ("203.0.113.7", "[2001:db8::1]:443", "1.2.3.4:80"), else None."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address, networks):
    return address is not None and any(ipaddress.ip_address(address) in network for network in networks)


def client_address(request):
    remote = _address(request.META.get("REMOTE_ADDR", "")) or ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    count = settings.TRUSTED_PROXY_COUNT
    if not forwarded or not (networks or count > 0):
        return remote
    # Right to left: the peer that connected to us, then what each proxy in turn says it saw.
    hops = [remote, *(_address(entry) for entry in reversed(forwarded.split(",")))]
    if networks:
        for hop in hops:
            if not _trusted(hop, networks):
                return hop or remote
        return hops[-1]
    return hops[min(count, len(hops) - 1)] or remote


def address_block(request):
    """The client as rate limits see it: its IPv4 address, or the /64 network an IPv6 subscriber is given
    (one subscriber can rotate through a whole /64)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def over_limit(request, limits, *scope):
    """Count this request against each (group, rate) of django-ratelimit, keyed on the client's address
    block (and `scope`); True when any is exceeded. Fails open while the cache is down."""
    value = ":".join([address_block(request), *map(str, scope)])
    return any(
        is_ratelimited(request, group=group, key=lambda group, request: value, rate=rate, increment=True)
        for group, rate in limits
    )
