"""Load: several reviewers (threads, each its own login and connection, on loopback) decide the same
parcels at once. No decision is lost, none overwrites one its reviewer had not seen, and the audit table
holds exactly the accepted decisions. Bounded in reviewers, decisions and time; no timing is asserted."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import review_load  # noqa: E402

REVIEWERS = 6
PARCELS = 8


@pytest.fixture
def hot_parcels(survey, pg_sql):
    rows = pg_sql(survey.database, (
        f'INSERT INTO "{survey.schema}"."ZD" (fid, geom, "ZDDM") '
        f"SELECT n, ST_Multi(ST_MakeEnvelope(37500000 + 30 * n, 3001000, 37500020 + 30 * n, 3001020, 4525)), "
        f"'430381104202JC' || lpad(n::text, 5, '0') "
        f"""FROM (SELECT nextval('"{survey.schema}"."ZD_fid_seq"') AS n FROM generate_series(1, %s)) s RETURNING fid"""),
        (PARCELS,))
    return [r[0] for r in rows]


def test_concurrent_reviewers_lose_nothing(survey, hot_parcels, psycopg2, team):
    logins = [team["reviewer_a"][2], team["reviewer_b"][2]]
    result = review_load.run_load(psycopg2, logins, survey.schema, hot_parcels, reviewers=REVIEWERS,
                                  decisions_each=25, contention_rounds=6, timeout=120)
    assert result.errors == []
    # forced contention: all read the same version, then all write: exactly one wins each round
    assert result.contention_rounds == [(1, REVIEWERS - 1)] * 6
    assert result.given_up == 0
    assert len(result.decisions) == 6 + REVIEWERS * 25
    assert review_load.verify(psycopg2, survey.database, survey.schema, hot_parcels, result) == []
    print(f"\nload: {REVIEWERS} reviewers, {len(result.decisions)} decisions accepted, {result.conflicts} refused "
          f"and re-decided, {result.seconds:.1f} s")


def test_verification_notices_a_lost_update(survey, hot_parcels, psycopg2, team, pg_sql):
    """The verifier is not blind: a write that bypasses the row version (sending a forged current
    version) overwrites a decision its writer never saw, and verify() reports it."""
    logins = [team["reviewer_a"][2]]
    result = review_load.run_load(psycopg2, logins, survey.schema, hot_parcels[:1], reviewers=1, decisions_each=2)
    assert review_load.verify(psycopg2, survey.database, survey.schema, hot_parcels[:1], result) == []
    reviewer = review_load.Reviewer(psycopg2, logins[0], survey.schema, "盲写")
    try:
        stale = (None, None, None, 1)  # what it loaded before the two decisions
        current = reviewer.read(hot_parcels[0])
        forged = stale[:3] + (current[3],)
        lost = reviewer.write(hot_parcels[0], forged, 3, 3, "blind")
    finally:
        reviewer.close()
    result.decisions.append(review_load.Decision("盲写", lost.login, lost.fid, stale, 3, 3, "blind", lost.version))
    problems = review_load.verify(psycopg2, survey.database, survey.schema, hot_parcels[:1], result)
    assert any("an overwrite went unnoticed" in p for p in problems)


def test_verification_with_a_duplicate_parcel_code(survey, psycopg2, team, pg_sql):
    """Two parcels sharing one code (the duplicates ZD_DUPCODE reports; the generated county has them): the
    audit rows, which name the parcel by its code, are told apart by their decisions and nothing is reported."""
    rows = pg_sql(survey.database, (
        f'INSERT INTO "{survey.schema}"."ZD" (fid, geom, "ZDDM") '
        f"SELECT n, ST_Multi(ST_MakeEnvelope(37600000 + 30 * n, 3001000, 37600020 + 30 * n, 3001020, 4525)), "
        f"'430381104202JC99999' "
        f"""FROM (SELECT nextval('"{survey.schema}"."ZD_fid_seq"') AS n FROM generate_series(1, 2)) s RETURNING fid"""))
    twins = [r[0] for r in rows]
    logins = [team["reviewer_a"][2], team["reviewer_b"][2]]
    result = review_load.run_load(psycopg2, logins, survey.schema, twins, reviewers=3, decisions_each=10,
                                  contention_rounds=2, timeout=60)
    assert {d.fid for d in result.decisions} == set(twins)
    assert review_load.verify(psycopg2, survey.database, survey.schema, twins, result) == []
