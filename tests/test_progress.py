"""Long commands say how far they are and how long is left (config/progress.py)."""

import io

from config.progress import Progress, duration


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_line_every_few_seconds_with_the_time_left():
    clock, stream = Clock(), io.StringIO()
    progress = Progress(200, label="Articles", stream=stream, every=5, clock=clock)
    for _ in range(40):
        clock.now += 0.1  # 10 a second: the fifth second ends with the 50th article
        progress.advance()
    assert stream.getvalue() == ""
    for _ in range(10):
        clock.now += 0.1
        progress.advance()
    assert stream.getvalue() == "Articles: 50 of 200 (25%), 10.0 a second, about 15 s left\n"


def test_an_unknown_total_still_counts():
    clock, stream = Clock(), io.StringIO()
    progress = Progress(label="Photos", stream=stream, every=1, clock=clock)
    clock.now += 2
    progress.advance(3)
    assert stream.getvalue() == "Photos: 3, 1.5 a second\n"
    assert progress.finish() == "Photos: 3 in 2 s"


def test_durations_are_as_precise_as_a_reader_needs():
    assert duration(12.4) == "12 s"
    assert duration(415) == "6 min 55 s"
    assert duration(7500) == "2 h 5 min"
