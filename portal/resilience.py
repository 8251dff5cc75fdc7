"""Staying up when a service is down."""

import time


class CircuitBreaker:
    """After a failure, skip the service for a while instead of waiting on its timeouts every request."""

    def __init__(self, seconds=30):
        self.seconds = seconds
        self.until = 0.0

    def open(self):
        self.until = time.monotonic() + self.seconds

    def reset(self):
        self.until = 0.0

    @property
    def closed(self):
        return time.monotonic() >= self.until
