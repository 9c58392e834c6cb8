"""The packed R-tree (processing/library/gpkg_rtree.py) against SQLite's own: sound, and it answers box queries
as a brute-force search does, before and after edits."""
import sqlite3

import numpy as np
import pytest

from homestead_cadastre.processing.library.gpkg_rtree import fill_rtree


def _tree(n, seed=7):
    rng = np.random.default_rng(seed)
    low = rng.uniform(0, 10_000, (n, 2)) + np.array([500_000.0, 3_000_000.0])  # survey-plane sized numbers
    bounds = np.column_stack([low, low + rng.uniform(0, 30, (n, 2))])
    ids = rng.permutation(np.arange(1, 3 * n + 1))[:n]  # ids not in order, with gaps
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE rtree_t_geom USING rtree(id, minx, maxx, miny, maxy)")
    db.execute("BEGIN")
    fill_rtree(db, "rtree_t_geom", ids, bounds)
    db.execute("COMMIT")
    return db, ids, bounds


def _check(db, ids, bounds, rng):
    assert db.execute("SELECT rtreecheck('rtree_t_geom')").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM rtree_t_geom").fetchone() == (len(ids),)
    for _ in range(20):
        x, y = rng.uniform(500_000, 510_000), rng.uniform(3_000_000, 3_010_000)
        w = rng.uniform(1, 2000)
        found = {i for (i,) in db.execute("SELECT id FROM rtree_t_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? "
                                          "AND miny <= ?", (x, x + w, y, y + w))}
        # the stored boxes are float32, rounded outwards: they hold the exact ones, and reach at most one step out
        step = 0.5
        sure = {int(i) for i, b in zip(ids, bounds) if b[2] >= x + step and b[0] <= x + w - step and b[3] >= y + step
                and b[1] <= y + w - step}
        near = {int(i) for i, b in zip(ids, bounds) if b[2] >= x - step and b[0] <= x + w + step and b[3] >= y - step
                and b[1] <= y + w + step}
        assert sure <= found <= near


@pytest.mark.parametrize("n", [1, 50, 51, 52, 2601, 2602, 20_000])
def test_packed_tree_is_sound_and_answers_like_a_search(n):
    db, ids, bounds = _tree(n)
    rng = np.random.default_rng(n)
    _check(db, ids, bounds, rng)
    stored = dict((i, b) for i, *b in db.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_t_geom"))
    for i, b in zip(ids.tolist(), bounds):  # each stored box holds its feature's box
        x0, x1, y0, y1 = stored[i]
        assert x0 <= b[0] and x1 >= b[2] and y0 <= b[1] and y1 >= b[3]
    # SQLite keeps it right through edits: deletes, new boxes, moved ones
    gone = ids[: n // 2]
    db.executemany("DELETE FROM rtree_t_geom WHERE id = ?", [(int(i),) for i in gone])
    new_ids = np.arange(10 * n + 1, 10 * n + 1 + n // 3 + 1)
    new_bounds = np.column_stack([np.full(len(new_ids), 505_000.0), np.full(len(new_ids), 3_005_000.0),
                                  np.full(len(new_ids), 505_010.0), np.full(len(new_ids), 3_005_010.0)])
    db.executemany("INSERT INTO rtree_t_geom VALUES (?, ?, ?, ?, ?)",
                   [(int(i), b[0], b[2], b[1], b[3]) for i, b in zip(new_ids, new_bounds)])
    kept = np.isin(ids, gone, invert=True)
    _check(db, np.concatenate([ids[kept], new_ids]), np.concatenate([bounds[kept], new_bounds]), rng)


def test_empty_tree_stays_as_sqlite_made_it():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE rtree_t_geom USING rtree(id, minx, maxx, miny, maxy)")
    before = db.execute("SELECT * FROM rtree_t_geom_node").fetchall()
    fill_rtree(db, "rtree_t_geom", np.array([], dtype=np.int64), np.zeros((0, 4)))
    assert db.execute("SELECT * FROM rtree_t_geom_node").fetchall() == before
    assert db.execute("SELECT rtreecheck('rtree_t_geom')").fetchone() == ("ok",)
