"""Where hits go: Redis when configured (atomic increments, flushed to the database by `flush_counters`),
the database otherwise, and the database again whenever Redis fails, so a hit is never lost to an outage.
"""

import dataclasses
import datetime
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django_ratelimit.core import _split_rate, is_ratelimited

from portal.db import increment
from portal.engagement.models import FlushedBatch, OnlineVisitor, PageViewDay, VisitDay
from portal.resilience import CircuitBreaker
from portal.web.client import over_limit

log = logging.getLogger(__name__)

ONLINE_WINDOW = 5 * 60
VISIT_GAP = 30 * 60
HITS = "engagement:hits"
BATCHES = "engagement:batches"
BATCH = "engagement:batch:"
ONLINE = {False: "engagement:online:guests", True: "engagement:online:members"}
PAGES_GENERATION = "engagement:pages-generation"  # portal.engagement.pages
OVER_ADDRESS_LIMIT = "address"
OVER_VISITOR_LIMIT = "visitor"


@dataclasses.dataclass(frozen=True)
class Hit:
    """One beacon as the view judged it; the store applies the rate limits and counts it.

    `visitor` is None when the hit is not counted (a bot, a prefetch, a page that is not countable): it
    then only counts against the address limits.
    """

    day: datetime.date
    page_id: int | None
    address: str
    address_limits: list
    visitor: str | None
    visitor_limit: tuple
    member: bool


def _new_visit(visitor):
    try:
        if cache.add(f"visit:{visitor}", 1, VISIT_GAP):
            return True
        cache.touch(f"visit:{visitor}", VISIT_GAP)
    except Exception:  # without the cache, the hit still counts as a page view
        log.warning("Visit cache unavailable", exc_info=True)
    return False


class DatabaseStore:
    """Rate limits and visit windows in Django's cache (django-ratelimit), counts in the database."""

    name = "database"

    def record_hit(self, request, hit):
        """Returns (the limit the hit went over or None, None: no page generation here)."""
        if hit.address_limits and over_limit(request, hit.address_limits):
            return OVER_ADDRESS_LIMIT, None
        if hit.visitor is None:
            return None, None
        group, rate = hit.visitor_limit
        if is_ratelimited(request, group=group, key=lambda g, r: hit.visitor, rate=rate, increment=True):
            return OVER_VISITOR_LIMIT, None
        self.add_hit(hit.page_id, hit.day, _new_visit(hit.visitor))
        self.seen(hit.visitor, hit.member, timezone.now())
        return None, None

    def add_hit(self, page_id, day, new_visit):
        with transaction.atomic():
            if page_id:
                increment(PageViewDay, {"page_id": page_id, "day": day}, views=1)
            increment(VisitDay, {"day": day}, views=1, visits=int(new_visit))

    def seen(self, visitor, member, now):
        online = OnlineVisitor.objects.filter(daily_visitor_id=visitor)
        if not online.update(member=member, last_seen=now):
            try:
                with transaction.atomic():
                    OnlineVisitor.objects.create(daily_visitor_id=visitor, member=member, last_seen=now)
            except IntegrityError:
                online.update(member=member, last_seen=now)

    def online(self, now):
        recent = OnlineVisitor.objects.filter(last_seen__gte=now - datetime.timedelta(seconds=ONLINE_WINDOW))
        members = recent.filter(member=True).count()
        return recent.count() - members, members

    def pending(self, page_id, day):
        return {"page": 0, "views": 0, "visits": 0}

    def durable(self):
        """Whether Redis keeps what it holds across a restart (append-only file): hits wait here up to a minute."""
        return bool(self.client.info("persistence").get("aof_enabled"))

    def flush(self):
        OnlineVisitor.objects.filter(last_seen__lt=timezone.now() - datetime.timedelta(seconds=ONLINE_WINDOW)).delete()
        return 0


# A hit in one round trip: the address limits, the visitor limit, the visit window, the counters and
# the online set, atomically (so counts stay exact under any concurrency). Fixed windows: a counter per
# limit and window, which expires with it. Returns {limit gone over or "", the pages generation}.
HIT_SCRIPT = """
local generation = redis.call('GET', KEYS[1]) or '0'
local limits = tonumber(ARGV[1])
local over = false
for i = 1, limits do
  local used = redis.call('INCR', KEYS[6 + i])
  if used == 1 then redis.call('EXPIRE', KEYS[6 + i], ARGV[2 * i + 1]) end
  if used > tonumber(ARGV[2 * i]) then over = true end
end
if over then return {'address', generation} end
local at = 2 * limits + 1
local visitor = ARGV[at + 1]
if visitor == '' then return {'', generation} end
local used = redis.call('INCR', KEYS[6])
if used == 1 then redis.call('EXPIRE', KEYS[6], ARGV[at + 3]) end
if used > tonumber(ARGV[at + 2]) then return {'visitor', generation} end
local new_visit = redis.call('SET', KEYS[5], 1, 'NX', 'EX', ARGV[at + 4])
if not new_visit then redis.call('EXPIRE', KEYS[5], ARGV[at + 4]) end
local day = ARGV[at + 5]
if ARGV[at + 6] ~= '' then redis.call('HINCRBY', KEYS[2], 'p:' .. ARGV[at + 6] .. ':' .. day, 1) end
redis.call('HINCRBY', KEYS[2], 'views:' .. day, 1)
if new_visit then redis.call('HINCRBY', KEYS[2], 'visits:' .. day, 1) end
redis.call('ZADD', KEYS[3], ARGV[at + 7], visitor)
redis.call('ZREM', KEYS[4], visitor)
return {'', generation}
"""


def _window_key(group, value, seconds, now):
    return f"engagement:limit:{group}:{value}:{int(now // seconds)}"


class RedisStore:
    name = "redis"

    def __init__(self, client):
        self.client = client

    def record_hit(self, request, hit):
        """Returns (the limit the hit went over or None, the pages generation) after one round trip."""
        now = time.time()
        # django-ratelimit's own parser of "600/m": the rates read the same in both stores.
        limits = [(group, *_split_rate(rate)) for group, rate in hit.address_limits]
        visitor_group, visitor_rate = hit.visitor_limit
        visitor_count, visitor_seconds = _split_rate(visitor_rate)
        keys = [
            PAGES_GENERATION,
            HITS,
            ONLINE[hit.member],
            ONLINE[not hit.member],
            f"engagement:visit:{hit.visitor}",
            _window_key(visitor_group, hit.visitor, visitor_seconds, now),
            *(_window_key(group, hit.address, seconds, now) for group, _, seconds in limits),
        ]
        args = [len(limits), *(n for _, count, seconds in limits for n in (count, seconds))]
        args += [hit.visitor or "", visitor_count, visitor_seconds, VISIT_GAP, hit.day.isoformat(), hit.page_id or "", now]
        over, generation = _hit_script(self.client)(keys=keys, args=args)
        return over.decode() or None, generation.decode()

    def online(self, now):
        since = now.timestamp() - ONLINE_WINDOW
        pipe = self.client.pipeline(transaction=False)
        for key in (ONLINE[False], ONLINE[True]):
            pipe.zremrangebyscore(key, "-inf", since)
            pipe.zcard(key)
        result = pipe.execute()
        return result[1], result[3]

    def pending(self, page_id, day):
        fields = [f"p:{page_id}:{day.isoformat()}", f"views:{day.isoformat()}", f"visits:{day.isoformat()}"]
        values = self.client.hmget(HITS, fields)
        return dict(zip(("page", "views", "visits"), (int(v or 0) for v in values), strict=True))

    def durable(self):
        """Whether Redis keeps what it holds across a restart (append-only file): hits wait here up to a minute."""
        return bool(self.client.info("persistence").get("aof_enabled"))

    def flush(self):
        """Move counts to the database batch by batch; safe to run twice and after a crash at any point.

        The live hash is renamed to a batch (atomically, so hits arriving meanwhile start a new hash);
        a batch is written in one transaction that also records its id, and only then deleted from Redis.
        """
        if self.client.exists(HITS):
            batch = uuid.uuid4().hex
            pipe = self.client.pipeline(transaction=True)
            pipe.rename(HITS, BATCH + batch)
            pipe.sadd(BATCHES, batch)
            pipe.execute()
        written = 0
        for raw in sorted(self.client.smembers(BATCHES)):
            batch = raw.decode() if isinstance(raw, bytes) else raw
            counts = self.client.hgetall(BATCH + batch)
            with transaction.atomic():
                if not FlushedBatch.objects.filter(batch=batch).exists():
                    written += _write_batch(counts)
                    FlushedBatch.objects.create(batch=batch)
            pipe = self.client.pipeline(transaction=True)
            pipe.delete(BATCH + batch)
            pipe.srem(BATCHES, batch)
            pipe.execute()
        FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - datetime.timedelta(days=7)).delete()
        return written


def _write_batch(counts):
    days = {}
    written = 0
    for raw_field, raw_value in counts.items():
        field = raw_field.decode() if isinstance(raw_field, bytes) else raw_field
        value = int(raw_value)
        kind, *rest = field.split(":")
        if kind == "p":
            page_id, day = rest
            increment(PageViewDay, {"page_id": int(page_id), "day": datetime.date.fromisoformat(day)}, views=value)
        else:
            days.setdefault(rest[0], {})[kind] = value
        written += 1
    for day, amounts in days.items():
        increment(VisitDay, {"day": datetime.date.fromisoformat(day)}, **amounts)
    return written


breaker = CircuitBreaker()
_client = None
_scripts = {}


def _hit_script(client):
    """HIT_SCRIPT registered once per client: each call is an EVALSHA (an EVAL again after Redis restarts)."""
    if id(client) not in _scripts:
        _scripts.clear()
        _scripts[id(client)] = client.register_script(HIT_SCRIPT)
    return _scripts[id(client)]


def redis_client():
    global _client
    if _client is None and settings.REDIS_URL:
        import redis

        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=0.25, socket_connect_timeout=0.25)
    return _client


def primary():
    client = redis_client()
    if client is not None and breaker.closed:
        return RedisStore(client)
    return DatabaseStore()


def call(method, *args):
    """Run `method` on the primary store; if Redis fails, on the database."""
    store = primary()
    try:
        return getattr(store, method)(*args)
    except Exception:  # any Redis failure falls back; database errors propagate below
        if isinstance(store, DatabaseStore):
            raise
        log.warning("Redis unavailable for %s; using the database", method, exc_info=True)
        breaker.open()
        return getattr(DatabaseStore(), method)(*args)


def totals(page_id, today):
    """Persisted counts plus what Redis has not flushed yet."""
    pending = call("pending", page_id, today)
    month_start = today.replace(day=1)
    days = VisitDay.objects.aggregate(total=Sum("visits"))
    month = VisitDay.objects.filter(day__gte=month_start).aggregate(total=Sum("visits"))
    today_row = VisitDay.objects.filter(day=today).values_list("visits", flat=True).first() or 0
    page_views = PageViewDay.objects.filter(page_id=page_id).aggregate(total=Sum("views"))["total"] if page_id else 0
    return {
        "visits_total": (days["total"] or 0) + pending["visits"],
        "visits_month": (month["total"] or 0) + pending["visits"],
        "visits_today": today_row + pending["visits"],
        "page_views": (page_views or 0) + pending["page"],
    }
