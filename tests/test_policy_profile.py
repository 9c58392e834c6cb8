"""Policy profiles: the shipped ones load with the seed texts' targets; a bad profile is refused with the
file and the line to fix (unknown key, bad date, missing value, …)."""
import datetime
import re

import pytest

from homestead_cadastre.cadastre.messages import CadastreError
from homestead_cadastre.rules.policy import catalogue, profile
from homestead_cadastre.rules.policy.profile import available_profiles, load_profile
from homestead_cadastre.rules.policy.toml_lines import key_lines

LOUXING = profile.profile_path("louxing_2020")


def refused(path):
    with pytest.raises(CadastreError) as info:
        load_profile(str(path))
    return str(info.value)


def line_number(text, fragment):
    """1-based line of the first line containing ``fragment``: the answer, found independently."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def derived(tmp_path, body, name="county.toml"):
    path = tmp_path / name
    path.write_text(f'[profile]\nbase = "louxing_2020"\nname = "county"\n{body}', encoding="utf-8")
    return path


def edited(tmp_path, replace=None, remove=None):
    """A full copy of louxing_2020.toml with one line replaced or removed."""
    text = open(LOUXING, encoding="utf-8").read()
    lines = text.splitlines()
    if replace:
        old, new = replace
        lines = [new if line.strip().startswith(old) else line for line in lines]
    if remove:
        lines = [line for line in lines if not line.strip().startswith(remove)]
    path = tmp_path / "copy.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, "\n".join(lines)


# --- the shipped profiles --------------------------------------------------------------------------------
def test_shipped_profiles_load():
    assert set(available_profiles()) >= {"louxing_2020", "national_generic", "tibet_2010"}
    for name in available_profiles():
        p = load_profile(name)
        assert set(p.rules) == set(catalogue.RULE_IDS)
        assert set(p.limits) == {1, 2, 3} and set(p.dates) == set(catalogue.DATE_KEYS)


def test_louxing_targets_dates_and_notices_from_the_seed():
    p = load_profile("louxing_2020")
    # 一(二)1: 到2020年7月底前 … 权籍调查率为100%; 一(二)2: 9月底前 … 70%; 11月底前 … 超过90%
    assert [(m.date, m.survey_percent, m.registered_percent) for m in p.milestones] == [
        (datetime.date(2020, 7, 31), 100.0, None),
        (datetime.date(2020, 9, 30), None, 70.0),
        (datetime.date(2020, 11, 30), None, 90.0),
    ]
    assert [m.clause for m in p.milestones] == ["一(二)1", "一(二)2", "一(二)2"]
    # 三(六)1 公告15个工作日; 四(五)1 公告30天; 四(五)3 公告15天
    assert p.notices == {"registration_working_days": 15, "no_source_days": 30, "planning_days": 15}
    assert str(p.dates["nonmember_actual_before"]) == "1982-02-13"
    assert p.dates["member_actual_before"].date is None and p.dates["member_actual_before"].year == 1987
    assert p.issued == datetime.date(2020, 5, 13) and p.farmland_min_area == 1.0
    assert p.rule("member_standard_area").fj.endswith(
        "待以后分户建房或现有房屋拆迁、改建、翻修、政府依法实施规划重新建设时，按有关规定做出处理")
    assert p.rule("excl_vacant").clause == "四(六)8" and p.rule("excl_vacant").lb == 3


def test_tibet_schedule_40_40_20_on_the_national_rules():
    p = load_profile("tibet_2010")
    # 2010年完成工作量的40%；2011年完成工作量的40%；2012年完成 — cumulative 40, 80, 100
    assert [(m.date, m.registered_percent) for m in p.milestones] == [
        (datetime.date(2010, 12, 31), 40.0), (datetime.date(2011, 12, 31), 80.0), (datetime.date(2012, 12, 31), 100.0)]
    national = load_profile("national_generic")
    assert p.rules == national.rules and p.limits == national.limits
    assert p.files[1] == national.path and national.milestones == ()


# --- refusals, each naming its line ---------------------------------------------------------------------
def test_unknown_key_names_its_line(tmp_path):
    path = derived(tmp_path, "\n[limits]\ncropland = 120.0\nfarmland = 100.0\n")
    message = refused(path)
    expected = line_number(path.read_text(encoding="utf-8"), "farmland = 100.0")
    assert f"line {expected}:" in message and "farmland" in message and "cropland" in message


def test_unknown_table_and_unknown_rule(tmp_path):
    path = derived(tmp_path, "\n[limit]\ncropland = 1.0\n")
    assert f"line {line_number(path.read_text(encoding='utf-8'), '[limit]')}:" in refused(path)
    path = derived(tmp_path, '\n[rules.excl_aliens]\nclause = "x"\nclass = 3\ntext = "x"\n')
    message = refused(path)
    assert f"line {line_number(path.read_text(encoding='utf-8'), '[rules.excl_aliens]')}:" in message
    assert "excl_aliens" in message


@pytest.mark.parametrize("value", ["2020-13-01", "2020-02-30", '"2020-07-31"', "2020-07-31T08:00:00", "20200731"])
def test_bad_milestone_date_names_its_line(tmp_path, value):
    path = derived(tmp_path, f'\n[[targets.milestones]]\ndate = {value}\nsurvey = 50.0\nclause = "x"\ntext = "y"\n')
    message = refused(path)
    assert f"line {line_number(path.read_text(encoding='utf-8'), 'date = ')}:" in message
    assert "date" in message


@pytest.mark.parametrize("value", ["1987-1-1x", '"1987"', "1987.5", "12"])
def test_bad_policy_date_names_its_line(tmp_path, value):
    path = derived(tmp_path, f"\n[dates]\nmember_actual_before = {value}\n")
    assert f"line {line_number(path.read_text(encoding='utf-8'), 'member_actual_before')}:" in refused(path)


def test_missing_value_after_equals_names_its_line(tmp_path):
    path = derived(tmp_path, "\n[limits]\ncropland =\n")
    message = refused(path)
    assert f"line {line_number(path.read_text(encoding='utf-8'), 'cropland =')}:" in message


def test_missing_key_names_the_table_line(tmp_path):
    path, text = edited(tmp_path, remove="planning_days")
    message = refused(path)
    assert "planning_days" in message and f"line {line_number(text, '[notices]')}:" in message


def test_missing_rule_and_missing_text(tmp_path):
    text = open(LOUXING, encoding="utf-8").read()
    start = text.index("[rules.excl_vacant]")
    end = text.index("[rules.", start + 1)
    path = tmp_path / "copy.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "excl_vacant" in refused(path)
    path = derived(tmp_path, '\n[rules.excl_vacant]\ntext = ""\n')
    assert f"line {line_number(path.read_text(encoding='utf-8'), 'text = ')}:" in refused(path)


@pytest.mark.parametrize("body, fragment", [
    ("\n[rules.excl_vacant]\nclass = 5\n", "class = 5"),
    ("\n[rules.registration_notice]\nclass = 1\n", "class = 1"),  # a note takes no class
    ('\n[rules.excl_vacant]\ntext = "空置{zdmjj}"\n', "text = "),  # unknown placeholder
    ('\n[rules.excl_vacant]\nsteps = "a {zdmj"\n', "steps = "),  # unbalanced brace
    ("\n[limits]\ncropland = -130\n", "cropland"),
    ('\ncounties = ["43130"]\n', "counties = "),  # 5 digits: not a province, city or county code
    ("\ncounties = [431302]\n", "counties = "),  # not quoted
    ('\n[holidays.2027]\nnotice = "x"\nrest = [[2027-01-03, 2027-01-01]]\n', "[holidays.2027]"),  # reversed
    ('\n[holidays.2027]\nnotice = "x"\n', "[holidays.2027]"),  # no rest periods
    ("\n[notices]\nno_source_days = 30.5\n", "no_source_days"),
    ("\n[dates]\ncurrent_policy_from = 1990\n", "current_policy_from"),  # before member_standard_before 2018
    ('\n[[targets.milestones]]\ndate = 2020-01-01\nclause = "x"\ntext = "y"\n', "[[targets.milestones]]"),
    ('\n[[targets.milestones]]\ndate = 2020-01-01\nsurvey = 120\nclause = "x"\ntext = "y"\n', "survey = 120"),
])
def test_bad_values_name_their_line(tmp_path, body, fragment):
    path = derived(tmp_path, body)
    assert f"line {line_number(path.read_text(encoding='utf-8'), fragment)}:" in refused(path)


@pytest.mark.parametrize("body, key, fragment", [
    ("\n[farmland]\nmin_area = nan\n", "farmland.min_area", "min_area = nan"),
    ("\n[limits]\ncropland = inf\n", "limits.cropland", "cropland = inf"),
    ("\n[limits]\nother_land = +nan\n", "limits.other_land", "other_land = +nan"),
    ("\n[farmland]\nmin_area = -inf\n", "farmland.min_area", "min_area = -inf"),
    ('\n[[targets.milestones]]\ndate = 2020-01-01\nsurvey = nan\nclause = "x"\ntext = "y"\n',
     "targets.milestones.survey", "survey = nan"),
])
def test_non_finite_numbers_are_refused_by_key(tmp_path, body, key, fragment):
    # TOML has nan and inf: a nan sliver threshold made every farmland overlap "no overlap" (class 1, not 3)
    path = derived(tmp_path, body)
    message = refused(path)
    assert f"line {line_number(path.read_text(encoding='utf-8'), fragment)}:" in message
    assert key in message and "finite" in message


def test_verify_names_an_existing_key(tmp_path):
    path = tmp_path / "county.toml"
    path.write_text('[profile]\nbase = "louxing_2020"\nname = "c"\nverify = ["limits.cropland", "limits.garden"]\n',
                    encoding="utf-8")
    message = refused(path)
    assert "line 4:" in message and "limits.garden" in message


def test_a_derived_profile_names_itself(tmp_path):
    path = tmp_path / "county.toml"
    path.write_text('[profile]\nbase = "louxing_2020"\n\n[limits]\ncropland = 120.0\n', encoding="utf-8")
    message = refused(path)
    assert "line 1:" in message and "name" in message


def test_bases_that_loop_and_profiles_not_found(tmp_path):
    (tmp_path / "a.toml").write_text('[profile]\nbase = "b.toml"\nname = "a"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[profile]\nbase = "a.toml"\nname = "b"\n', encoding="utf-8")
    assert "loop" in refused(tmp_path / "a.toml")
    message = refused("no_such_profile")
    assert "louxing_2020" in message  # the shipped names are listed


def test_errors_in_a_base_name_the_base_file(tmp_path):
    (tmp_path / "base.toml").write_text(open(LOUXING, encoding="utf-8").read().replace(
        "planning_days = 15", "planning_days = 0"), encoding="utf-8")
    (tmp_path / "county.toml").write_text('[profile]\nbase = "base.toml"\nname = "c"\n', encoding="utf-8")
    message = refused(tmp_path / "county.toml")
    base_text = (tmp_path / "base.toml").read_text(encoding="utf-8")
    assert "base.toml" in message and f"line {line_number(base_text, 'planning_days = 0')}:" in message


# --- the TOML scanner and the Python 3.9 parser ---------------------------------------------------------
def test_key_lines_follow_tables_arrays_and_multiline_values():
    text = "\n".join([
        "# comment",  # 1
        "title = \"\"\"a",  # 2
        "[not] a = table",  # 3 (inside the string)
        "\"\"\"",  # 4
        "[a.\"quoted.key\"]",  # 5
        "x = [1,",  # 6
        "  2]",  # 7
        "y.z = 'v'",  # 8
        "[[m]]",  # 9
        "d = 1",  # 10
        "[[m]]",  # 11
        "d = {e = 1}",  # 12
        "[[m.sub]]",  # 13
        "k = 2",  # 14
    ])
    lines = key_lines(text)
    assert lines[("title",)] == 2 and ("not",) not in lines
    assert lines[("a", "quoted.key")] == 5 and lines[("a", "quoted.key", "x")] == 6
    assert lines[("a", "quoted.key", "y", "z")] == 8
    assert lines[("m", 0, "d")] == 10 and lines[("m", 1, "d")] == 12
    assert lines[("m", 1, "sub", 0, "k")] == 14


def test_tomli_reads_the_profiles_as_on_python_3_9(monkeypatch, tmp_path):
    tomli = pytest.importorskip("tomli")
    monkeypatch.setattr(profile, "tomllib", tomli)
    for name in available_profiles():
        assert load_profile(name).rules
    path = derived(tmp_path, "\n[limits]\ncropland =\n")
    assert re.search(rf"line {line_number(path.read_text(encoding='utf-8'), 'cropland =')}:", refused(path))
