"""Seeded random draws: numpy's PCG64 underneath, read in blocks.

A county run makes millions of scalar draws, and a scalar call into numpy costs microseconds; reading blocks
of uniform numbers keeps the generator fast. The same seed gives the same sequence on every machine.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, TypeVar

import numpy as np

T = TypeVar("T")
BLOCK = 4096


class Draws:
    def __init__(self, seed):
        self.generator = np.random.default_rng(seed)
        self._buffer: List[float] = []
        self._next = 0

    def random(self) -> float:
        """Uniform in [0, 1)."""
        if self._next == len(self._buffer):
            self._buffer = self.generator.random(BLOCK).tolist()
            self._next = 0
        value = self._buffer[self._next]
        self._next += 1
        return value

    def integers(self, low: int, high: Optional[int] = None) -> int:
        """Uniform integer in [low, high), or in [0, low) with one argument."""
        if high is None:
            low, high = 0, low
        return low + int(self.random() * (high - low))

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def choice(self, values: Sequence[T], p: Optional[Sequence[float]] = None) -> T:
        """One of ``values``, with probabilities ``p`` (default: equal)."""
        if p is None:
            return values[self.integers(len(values))]
        u, total = self.random(), 0.0
        for value, weight in zip(values, p):
            total += weight
            if u < total:
                return value
        return values[-1]

    def permutation(self, n: int) -> List[int]:
        return self.generator.permutation(n).tolist()
