"""A small HTTP load generator (no wrk on these machines): N concurrent connections for a fixed time.

Each request opens a connection, as gunicorn's sync workers close it after every response. Prints
nothing itself; `run()` returns requests/s, p50/p99 milliseconds and the count of non-2xx/3xx answers.
"""

import asyncio
import statistics
import time


async def _one(host, port, request):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()
        return int(status_line.split()[1])
    finally:
        writer.close()


async def _worker(host, port, make_request, deadline, latencies, errors, counter):
    while time.perf_counter() < deadline:
        counter[0] += 1
        started = time.perf_counter()
        try:
            status = await _one(host, port, make_request(counter[0]))
        except OSError:
            status = 0
        latencies.append(time.perf_counter() - started)
        if not 200 <= status < 400:
            errors.append(status)


def request_bytes(method, path, host, headers=None, body=b""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def run(host, port, make_request, connections=20, seconds=10.0):
    latencies, errors, counter = [], [], [0]
    deadline = time.perf_counter() + seconds

    async def main():
        await asyncio.gather(
            *(_worker(host, port, make_request, deadline, latencies, errors, counter) for _ in range(connections))
        )

    started = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else 0.0,
        "errors": len(errors),
    }
