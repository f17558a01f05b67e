"""Progress of long commands (imports, renditions, the benchmark): counts and time left.

A sysadmin who starts a command that runs for minutes or hours must see that it works and
when it will end. `Progress` prints one line every few seconds (never more often, however
fast the work goes), and nothing at all for runs shorter than that:

    progress = Progress(total=20_000, label="Articles", stream=self.stderr)
    for record in records:
        ...
        progress.advance()
    progress.finish()

    Articles: 1,234 of 20,000 (6%), 45.2 a second, about 6 min 55 s left
"""

import time


def duration(seconds):
    """ "2 h 5 min", "6 min 55 s", "12 s": as precise as a reader needs."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {seconds} s"
    return f"{seconds} s"


class Progress:
    """Counts `advance()`s against an expected `total` (None when unknown)."""

    def __init__(self, total=None, *, label="Done", stream, every=5.0, clock=time.monotonic):
        """Lines go to `stream` (a command's self.stderr, say); None prints nothing."""
        self.total, self.label, self.every, self.clock = total, label, every, clock
        self.stream = stream
        self.count = 0
        self.started = self.last_report = clock()

    def advance(self, count=1):
        self.count += count
        now = self.clock()
        if self.stream is not None and now - self.last_report >= self.every:
            self.last_report = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def rate(self, now=None):
        """Units per second so far."""
        elapsed = (now or self.clock()) - self.started
        return self.count / elapsed if elapsed > 0 else 0.0

    def line(self, now=None):
        now = now or self.clock()
        rate = self.rate(now)
        text = f"{self.label}: {self.count:,}"
        if self.total:
            text += f" of {self.total:,} ({100 * self.count // self.total}%)"
        text += f", {rate:,.1f} a second"
        if self.total and rate and self.count < self.total:
            text += f", about {duration((self.total - self.count) / rate)} left"
        return text

    def finish(self):
        """The closing line: how many, in how long."""
        elapsed = self.clock() - self.started
        return f"{self.label}: {self.count:,} in {duration(elapsed)}"
