"""A GeoPackage R-tree filled in one pass from the boxes of a new table, instead of one row at a time.

SQLite's R*Tree inserts each box by descending the tree and splitting nodes (a few µs a row: 20 s for the 2.7 M
boundary points and lines of a county), and GDAL's CreateSpatialIndex does the same. A new table's boxes are all
known at once, so the tree is packed here: Sort-Tile-Recursive order, full nodes, written straight into the
R-tree's shadow tables (``_node``, ``_parent``, ``_rowid``) in SQLite's own node format: a 2-byte depth (the
root's), a 2-byte cell count, then per cell an 8-byte id and the four coordinates as 32-bit floats, rounded
outwards, all big-endian. ``SELECT rtreecheck(…)`` passes on the result, and later edits maintain it as usual.
"""
from __future__ import annotations

import math
from typing import List, Tuple

import numpy as np

CELL = 24  # bytes per cell of a 2-D R-tree: the id and four float32


def fill_rtree(connection, rtree: str, ids: np.ndarray, bounds: np.ndarray) -> None:
    """Put the boxes ``bounds`` (n × [min x, min y, max x, max y]) of features ``ids`` into the empty R-tree
    ``rtree`` (its virtual table name) through ``connection``, inside the caller's transaction."""
    if len(ids) == 0:
        return
    quoted = {part: '"' + f"{rtree}_{part}".replace('"', '""') + '"' for part in ("node", "parent", "rowid")}
    (node_size,) = connection.execute(f"SELECT length(data) FROM {quoted['node']} WHERE nodeno = 1").fetchone()
    per_node = (node_size - 4) // CELL
    low = _outwards(bounds[:, [0, 1]], down=True)
    high = _outwards(bounds[:, [2, 3]], down=False)
    boxes = np.column_stack([low[:, 0], high[:, 0], low[:, 1], high[:, 1]])  # SQLite's order: x0, x1, y0, y1
    children = np.asarray(ids, dtype=np.int64)
    levels: List[Tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # per level: child ids, their boxes, node of each
    while True:
        order = _sort_tile(boxes, per_node)
        children, boxes = children[order], boxes[order]
        node_of = np.arange(len(children)) // per_node
        levels.append((children, boxes, node_of))
        count = int(node_of[-1]) + 1
        if count == 1:
            break
        starts = np.arange(0, len(children), per_node)
        boxes = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                                 np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)])
        children = np.arange(count, dtype=np.int64)  # node indices of this level, numbered below
    # node numbers: the root is 1, the others follow level by level from the top
    numbers, next_number = [], 2
    for depth, (_c, _b, node_of) in enumerate(reversed(levels)):
        count = int(node_of[-1]) + 1
        numbers.append(np.array([1]) if depth == 0 else np.arange(next_number, next_number + count))
        next_number += 0 if depth == 0 else count
    numbers.reverse()  # numbers[level]: the node numbers of the nodes made at that level, leaves first
    connection.execute(f"DELETE FROM {quoted['node']}")
    height = len(levels) - 1
    for level, (children, boxes, node_of) in enumerate(levels):
        child_numbers = children if level == 0 else numbers[level - 1][children]
        blobs = _node_blobs(child_numbers, boxes, node_of, node_size, height if level == height else 0)
        connection.executemany(f"INSERT INTO {quoted['node']} (nodeno, data) VALUES (?, ?)",
                               zip(numbers[level].tolist(), blobs))
        parents = numbers[level][node_of].tolist()
        if level == 0:
            connection.executemany(f"INSERT INTO {quoted['rowid']} (rowid, nodeno) VALUES (?, ?)",
                                   zip(child_numbers.tolist(), parents))
        else:
            connection.executemany(f"INSERT INTO {quoted['parent']} (nodeno, parentnode) VALUES (?, ?)",
                                   zip(child_numbers.tolist(), parents))


def _outwards(values: np.ndarray, down: bool) -> np.ndarray:
    """``values`` as float32 no greater (``down``) or no less than the doubles: the box still holds the feature."""
    rounded = values.astype(np.float32)
    wrong = rounded > values if down else rounded < values
    rounded[wrong] = np.nextafter(rounded[wrong], np.float32(-np.inf if down else np.inf))
    return rounded


def _sort_tile(boxes: np.ndarray, per_node: int) -> np.ndarray:
    """Sort-Tile-Recursive order of ``boxes``: vertical slices by centre x, each sorted by centre y."""
    n = len(boxes)
    slices = max(1, math.ceil(math.sqrt(math.ceil(n / per_node))))
    per_slice = per_node * math.ceil(math.ceil(n / per_node) / slices)
    by_x = np.argsort(boxes[:, 0] + boxes[:, 1], kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) // per_slice
    return np.lexsort((boxes[:, 2] + boxes[:, 3], slice_of))


def _node_blobs(children: np.ndarray, boxes: np.ndarray, node_of: np.ndarray, node_size: int, depth: int) -> list:
    """One node blob per node: the depth (meaningful in the root only), the cell count and the cells."""
    cells = np.zeros(len(children), dtype=[("id", ">i8"), ("box", ">f4", 4)])
    cells["id"] = children
    cells["box"] = boxes
    raw = cells.tobytes()
    starts = np.flatnonzero(np.diff(node_of, prepend=-1))
    ends = np.append(starts[1:], len(children))
    blobs = []
    for start, end in zip(starts.tolist(), ends.tolist()):
        head = depth.to_bytes(2, "big") + (end - start).to_bytes(2, "big")
        body = raw[start * CELL:end * CELL]
        blobs.append(head + body + bytes(node_size - 4 - len(body)))
    return blobs
