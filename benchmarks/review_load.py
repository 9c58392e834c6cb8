"""Several reviewers deciding parcels at once in a PostGIS survey schema, and the proof that nothing was lost.

Each reviewer is a thread with its own database connection (a separate login, as in the field): it reads a
parcel's decision and row version (BBH), thinks, and writes its decision sending the version back — the
statement QGIS's edit buffer sends for the review dock. A refusal (row-version conflict) makes it re-read
and decide again, up to a bound. Used by tests/postgis/test_load_postgis.py (small, bounded) and
benchmarks/bench_postgis.py (larger, timed). Needs psycopg2 (Debian python3-psycopg2); not plugin code.
"""
from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

CONFLICT_MARKER = "HC-ROW-VERSION"  # cadastre.database.pg_schema.CONFLICT_MARKER (kept import-free for the threads)


@dataclass(frozen=True)
class Decision:
    """One accepted decision: what the reviewer saw, what it wrote, the version the database gave it."""

    reviewer: str
    login: str
    fid: int
    seen: Tuple  # (LB, SHZT, GPYY, BBH) as read
    lb: int
    shzt: int
    token: str  # written to GPYY: identifies the decision
    version: int  # BBH after the update


@dataclass
class LoadResult:
    decisions: List[Decision] = field(default_factory=list)
    conflicts: int = 0
    given_up: int = 0  # decisions abandoned after max_attempts conflicts
    errors: List[str] = field(default_factory=list)
    seconds: float = 0.0
    contention_rounds: List[Tuple[int, int]] = field(default_factory=list)  # (accepted, refused) per round

    @property
    def attempts(self) -> int:
        return len(self.decisions) + self.conflicts


class Reviewer:
    """One reviewer's connection and the statements the review dock makes QGIS send."""

    def __init__(self, psycopg2, info: str, schema: str, name: str):
        self.psycopg2 = psycopg2
        self.con = psycopg2.connect(info)
        self.name = name
        with self.con.cursor() as cur:
            cur.execute("SET statement_timeout = '30s'; SET lock_timeout = '20s'")
            cur.execute("SELECT session_user")
            self.login = cur.fetchone()[0]
        self.con.commit()
        table = f'"{schema}"."ZD"'
        self.read_sql = f'SELECT "LB", "SHZT", "GPYY", "BBH" FROM {table} WHERE fid = %s'
        self.write_sql = (f'UPDATE {table} SET "LB" = %s, "SHZT" = %s, "SHR" = %s, "SHSJ" = now(), "GPYY" = %s, '
                          f'"BBH" = %s WHERE fid = %s RETURNING "BBH"')

    def read(self, fid: int) -> Tuple:
        with self.con.cursor() as cur:
            cur.execute(self.read_sql, (fid,))
            row = cur.fetchone()
        self.con.commit()
        return row

    def write(self, fid: int, seen: Tuple, lb: int, shzt: int, token: str) -> Optional[Decision]:
        """The decision, or None when the database refused it for a newer row version."""
        try:
            with self.con.cursor() as cur:
                cur.execute(self.write_sql, (lb, shzt, self.name, token, seen[3], fid))
                version = cur.fetchone()[0]
            self.con.commit()
        except self.psycopg2.errors.SerializationFailure as error:
            self.con.rollback()
            if CONFLICT_MARKER not in str(error):
                raise
            return None
        return Decision(self.name, self.login, fid, seen, lb, shzt, token, version)

    def close(self):
        self.con.close()


def run_load(psycopg2, logins: Sequence[str], schema: str, fids: Sequence[int], reviewers: int,
             decisions_each: int, contention_rounds: int = 0, max_attempts: int = 50, seed: int = 8,
             timeout: float = 120.0) -> LoadResult:
    """``reviewers`` threads (logins used in turn). First ``contention_rounds`` rounds in which every
    reviewer reads the same parcel, waits for the others, then writes (exactly one may win each round);
    then each makes ``decisions_each`` decisions on parcels drawn at random, retrying refused ones."""
    result = LoadResult()
    lock = threading.Lock()
    barrier = threading.Barrier(reviewers, timeout=timeout)
    round_outcomes: Dict[int, List[bool]] = defaultdict(list)

    def work(index: int):
        rng = random.Random(seed * 1000 + index)
        reviewer = Reviewer(psycopg2, logins[index % len(logins)], schema, f"审核员{index:02d}")
        accepted: List[Decision] = []
        conflicts = given_up = 0
        try:
            for r in range(contention_rounds):
                fid = fids[r % len(fids)]
                seen = reviewer.read(fid)
                barrier.wait()  # everyone has read the same version before anyone writes
                decision = reviewer.write(fid, seen, rng.randint(1, 3), rng.choice((2, 3)), f"R{index}-c{r}")
                with lock:
                    round_outcomes[r].append(decision is not None)
                if decision is None:
                    conflicts += 1
                else:
                    accepted.append(decision)
                barrier.wait()  # the round is over for everyone
            for n in range(decisions_each):
                fid = rng.choice(fids)
                for _attempt in range(max_attempts):
                    seen = reviewer.read(fid)
                    time.sleep(rng.random() * 0.002)  # looking at the parcel
                    decision = reviewer.write(fid, seen, rng.randint(1, 3), rng.choice((2, 3)), f"R{index}-{n}")
                    if decision is not None:
                        accepted.append(decision)
                        break
                    conflicts += 1
                else:
                    given_up += 1
        except Exception as error:  # reported, and fails the verification
            with lock:
                result.errors.append(f"reviewer {index}: {error!r}")
            barrier.abort()
        finally:
            reviewer.close()
        with lock:
            result.decisions += accepted
            result.conflicts += conflicts
            result.given_up += given_up

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(reviewers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, timeout - (time.monotonic() - started)))
    result.seconds = time.monotonic() - started
    if any(thread.is_alive() for thread in threads):
        result.errors.append(f"reviewers still running after {timeout:.0f} s")
    result.contention_rounds = [(sum(o), len(o) - sum(o)) for _, o in sorted(round_outcomes.items())]
    return result


def verify(psycopg2, owner_info: str, schema: str, fids: Sequence[int], result: LoadResult) -> List[str]:
    """Everything wrong after a load (empty when nothing was lost), read back from the database:
    - the audit table holds exactly the accepted decisions, each once, with its login and version;
    - per parcel the accepted versions run 2, 3, ... with no gap: no update slipped past the row version;
    - every accepted decision was made on the state the previous one left (its token and version):
      no reviewer overwrote a decision it had not seen;
    - the parcel's final state is the last accepted decision; the audit rows chain old -> new."""
    problems = list(result.errors)
    con = psycopg2.connect(owner_info)
    try:
        with con.cursor() as cur:
            cur.execute(f'SELECT fid, "ZDDM", "LB", "SHZT", "GPYY", "BBH" FROM "{schema}"."ZD" WHERE fid = ANY(%s)',
                        (list(fids),))
            parcels = {row[0]: row[1:] for row in cur.fetchall()}
            cur.execute(f'SELECT "ZDDM", "YLB", "XLB", "YSHZT", "XSHZT", "SHR", "LY", "BBH", "DLYH" '
                        f'FROM "{schema}"."SHJL" WHERE "ZDDM" = ANY(%s) ORDER BY fid',
                        ([p[0] for p in parcels.values()],))
            audit = cur.fetchall()
    finally:
        con.close()
    zddm = {fid: values[0] for fid, values in parcels.items()}
    expected = sorted((zddm[d.fid], d.token, d.version, d.reviewer, d.login) for d in result.decisions)
    found = sorted((row[0], row[6], row[7], row[5], row[8]) for row in audit)
    if expected != found:
        problems.append(f"audit rows differ from accepted decisions: {len(found)} rows, {len(expected)} decisions; "
                        f"missing {sorted(set(expected) - set(found))[:5]}, extra {sorted(set(found) - set(expected))[:5]}")
    by_parcel: Dict[int, List[Decision]] = defaultdict(list)
    for d in result.decisions:
        by_parcel[d.fid].append(d)
    # SHJL names the parcel by its code, which two parcels may share (the duplicate codes ZD_DUPCODE finds):
    # an audit row belongs to the parcel of the decision whose token it carries (tokens are unique)
    fid_of_token = {d.token: d.fid for d in result.decisions}
    audit_of: Dict[int, List[Tuple]] = defaultdict(list)
    for row in audit:
        if row[6] in fid_of_token and zddm[fid_of_token[row[6]]] == row[0]:
            audit_of[fid_of_token[row[6]]].append(row)
    for fid, (_code, lb, shzt, gpyy, bbh) in parcels.items():
        chain = sorted(by_parcel.get(fid, []), key=lambda d: d.version)
        versions = [d.version for d in chain]
        if versions != list(range(2, 2 + len(chain))):
            problems.append(f"parcel {fid}: accepted versions {versions} are not 2..{1 + len(chain)}")
        previous_token, previous_version = None, 1
        for d in chain:
            if d.seen[2] != previous_token or d.seen[3] != previous_version:
                problems.append(f"parcel {fid}: decision {d.token} was made on {d.seen[2:]} but the state was "
                                f"{(previous_token, previous_version)}: an overwrite went unnoticed")
            previous_token, previous_version = d.token, d.version
        final = (chain[-1].lb, chain[-1].shzt, chain[-1].token, chain[-1].version) if chain else (None, None, None, 1)
        if (lb, shzt, gpyy, bbh) != final:
            problems.append(f"parcel {fid}: final state {(lb, shzt, gpyy, bbh)} is not the last decision {final}")
        rows = sorted(audit_of.get(fid, []), key=lambda row: row[7])
        for before, after in zip(rows, rows[1:]):
            if (after[1], after[3]) != (before[2], before[4]):
                problems.append(f"parcel {fid}: audit rows do not chain: {before} -> {after}")
    return problems
