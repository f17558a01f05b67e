"""`import_archive --jobs N`: stories written by N worker processes, for the photos' sake.

Nearly all of an import's time is the photos' (vetting, masters, renditions: one core's
work per photo), so N processes on N cores import about N times as fast. The main process
reads the file as the workers go, a few stories ahead of them and never more (memory stays
flat, and no worker waits for the next story to be read); each worker writes a story in its
own transaction exactly as a single process does and sends back what it would have printed,
which is said in the file's order. Two stories written at once that want the same new row
(the same new section, the same photo) meet at its unique index: the second waits for the
first and then uses its row (sections), or is skipped with its reason and goes in on the
next run (a photo shared by two stories, which WordPress exports do not have).

The workers are forked from the caller, which may be any Django process (`call_command()`
in a test or a running site): the caller's database connections stay open and its own,
and each worker opens connections of its own. A forked worker inherits the caller's
connection objects, whose sockets are the caller's: it puts them aside unused and unclosed
(closing one would end the caller's session; a worker ends with `os._exit()` or SIGTERM,
so no finaliser closes them either). Workers only see what is committed, so the caller
must not be inside a transaction (ParallelImportError).
"""

import dataclasses
import multiprocessing
import threading

from django.db import connections

from imports.importer import Importer, Summary
from imports.records import BadRecord

COUNTS = [field.name for field in dataclasses.fields(Summary)]
AHEAD_PER_JOB = 8  # stories read ahead of the workers, per worker

_worker = None  # this process's Importer, in a worker
_inherited = []  # the caller's connections, copied by the fork: kept, never used or closed


class ParallelImportError(Exception):
    """--jobs cannot run here; the message says why, in one line."""


def _start(media_dir, dry_run):
    global _worker  # noqa: PLW0603 (one Importer per worker process, made once)
    for connection in connections.all(initialized_only=True):
        _inherited.append(connection.connection)
        connection.connection = None  # the next query opens this worker's own connection
    _worker = Importer(media_dir, dry_run=dry_run, say=lambda line: _worker.lines.append(line))
    _worker.lines = []


def _add(story):
    _worker.lines = []
    before = dataclasses.replace(_worker.summary)
    if isinstance(story, BadRecord):
        _worker.skip(story.id, story.reason)
    else:
        _worker.add(story)
    delta = {name: getattr(_worker.summary, name) - getattr(before, name) for name in COUNTS}
    return delta, _worker.lines


def import_in_parallel(stories, importer, jobs, advance):
    """Write `stories` with `jobs` processes; counts and lines go to `importer`, as if it
    had written them itself; `advance()` once a story is done."""
    if any(connection.in_atomic_block for connection in connections.all()):
        raise ParallelImportError(
            "--jobs cannot run inside a database transaction: its worker processes would "
            "not see what the transaction holds. Commit first, or leave out --jobs."
        )
    # The pool reads `stories` in a thread of its own, as fast as it can: `room` holds it
    # back to AHEAD_PER_JOB stories a worker that are read and not yet done.
    room, stopped = threading.Semaphore(jobs * AHEAD_PER_JOB), threading.Event()

    def read_ahead():
        for story in stories:
            room.acquire()
            if stopped.is_set():
                return
            yield story

    context = multiprocessing.get_context("fork")
    initargs = (importer.media_dir, importer.dry_run)
    with context.Pool(jobs, initializer=_start, initargs=initargs) as pool:
        try:
            for delta, lines in pool.imap(_add, read_ahead()):
                room.release()
                for line in lines:
                    importer.say(line)
                for name, value in delta.items():
                    setattr(importer.summary, name, getattr(importer.summary, name) + value)
                advance()
        finally:  # a worker's error: the reading thread, perhaps waiting for room, stops
            stopped.set()
            room.release()
