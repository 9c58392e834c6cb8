"""CI cannot pass by skipping or fail at random: missing test data fails under CI=true, hypothesis replays
fixed examples there (profile "ci", derandomize). Checked in a child pytest with and without CI set."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _pytest.outcomes import Failed, Skipped
from conftest import in_ci, missing_data
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("environ, ci", [
    ({}, False), ({"CI": "true"}, True), ({"CI": "1"}, True), ({"CI": "false"}, False),
    ({"HYPOTHESIS_PROFILE": "ci"}, True)])
def test_ci_is_recognised(environ, ci):
    assert in_ci(environ) is ci


def test_missing_data_skips_locally_and_fails_in_ci():
    with pytest.raises(Skipped):
        missing_data("no village", environ={})
    with pytest.raises(Failed, match="no village.*CI"):
        missing_data("no village", environ={"CI": "true"})


def test_the_loaded_hypothesis_profile_follows_ci():
    """In this process and in a child pytest run with CI=true: derandomized exactly when in CI."""
    assert settings.get_profile("ci").derandomize is True
    assert settings.default.derandomize is in_ci()
    if os.environ.get("HC_CHILD"):
        return
    env = dict(os.environ, CI="true", HC_CHILD="1")
    env.pop("HYPOTHESIS_PROFILE", None)
    child = subprocess.run([sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:randomly",
                            f"{Path(__file__).name}::test_the_loaded_hypothesis_profile_follows_ci"],
                           cwd=REPO / "tests", env=env, capture_output=True, text=True, timeout=300)
    assert child.returncode == 0 and "1 passed" in child.stdout, child.stdout[-2000:] + child.stderr[-2000:]
