"""Checks of vectors read back from a cache or a saved file, as pure array functions.

Whatever is read back (a cache row, a saved index) may have been damaged or edited since it
was written: a vector is used only when it has the model's length and is a finite unit
vector; anything else is computed again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["UNIT_TOLERANCE", "unit_rows", "usable_vectors"]

UNIT_TOLERANCE = 1e-3
"""How far from 1 a stored vector's norm may be. A float32 unit vector is off by ~1e-7 and
the embedder contract allows 1e-4; a damaged or edited vector (zeroed, scaled, cut short,
bytes flipped) is off by far more."""


def unit_rows(vectors: np.ndarray, tolerance: float = UNIT_TOLERANCE) -> np.ndarray:
    """Which rows of ``vectors`` ``(n, d)`` are finite and of unit L2 norm: ``(n,)`` bool.

    One pass: a NaN or an infinity makes the norm NaN or infinite, which fails the test.
    """
    vectors = np.asarray(vectors)
    if vectors.ndim != 2:
        raise ValueError(f"expected a (n, d) matrix, got shape {vectors.shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        # In the rows' own precision: float32 sums of squares err by ~1e-5 at most, far
        # inside the tolerance, at a third of the cost of float64.
        squares = np.einsum("ij,ij->i", vectors, vectors)
        return np.abs(np.sqrt(squares) - 1.0) <= tolerance


def usable_vectors(vectors: Sequence[np.ndarray], dimension: int,
                   tolerance: float = UNIT_TOLERANCE) -> np.ndarray:
    """Which of ``vectors`` (each read back on its own) may be used: float32 of shape
    ``(dimension,)``, finite, of unit norm. Returns ``(len(vectors),)`` bool."""
    ok = np.array([v.dtype == np.float32 and v.shape == (dimension,) for v in vectors],
                  dtype=bool)
    if ok.any():
        ok[ok] = unit_rows(np.stack([v for v, good in zip(vectors, ok, strict=True) if good]),
                           tolerance)
    return ok
