"""Fewer cyclic-garbage collections while an algorithm runs on a county's data.

A county layer read into Python is millions of tracked objects (lists, dicts, feature wrappers); with CPython's
default threshold (a collection every 700 new objects, a full one now and then) the collector walks them again and
again, and its share of the run grows with the county: measured on homestead:classify, 0.6 s of 5.4 s CPU at 10,000
parcels, 10.0 s of 47.6 s at 100,000 (benchmarks/analysis.md). Raising the first threshold while an algorithm runs
makes that cost linear (2.0 s at 100,000). The setting is process-wide: nested or parallel runs share one raise,
and the last to finish puts the old thresholds back.
"""
from __future__ import annotations

import contextlib
import gc
import threading

FIRST_THRESHOLD = 100_000

_lock = threading.Lock()
_active = 0
_saved = None


@contextlib.contextmanager
def fewer_collections():
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(FIRST_THRESHOLD, _saved[0]), *_saved[1:])
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.set_threshold(*_saved)
