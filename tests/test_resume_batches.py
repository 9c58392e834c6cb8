"""A batch of 宗地图 or 权籍调查表 interrupted part-way is resumed: a re-run over the same folder with SKIP_EXISTING
keeps the files that are complete (written and renamed), redoes the missing ones and the one a killed run was
half-way through (a ~tmp-* file of a process that is gone), says how many it skipped, and ends with the same files
as an uninterrupted run. Without SKIP_EXISTING every page is drawn again (a run after corrections)."""
import subprocess
import zipfile
from pathlib import Path

import map_fixtures
import pytest
from map_fixtures import layer_uri
from test_parcel_maps import Recorder

from homestead_cadastre.cadastre.files import _host


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    return map_fixtures.make_village(tmp_path_factory.mktemp("village"))


def map_params(gpkg, folder, **extra):
    return dict(PARCELS=layer_uri(gpkg, "ZD"), HOUSES=layer_uri(gpkg, "ZRZ"), POINTS=layer_uri(gpkg, "JZD"),
                LINES=layer_uri(gpkg, "JZX"), ROADS=layer_uri(gpkg, "DXT_DL"), OUTPUT_FOLDER=str(folder),
                SURVEY_DATE="2020-05", DRAFTER="张工", CHECKER="李工", DRAW_DATE="2020年6月1日", **extra)


def form_params(gpkg, folder, **extra):
    return dict(PARCELS=layer_uri(gpkg, "ZD"), HOUSES=layer_uri(gpkg, "ZRZ"), POINTS=layer_uri(gpkg, "JZD"),
                LINES=layer_uri(gpkg, "JZX"), HOLDERS=layer_uri(gpkg, "QLR"), OUTPUT_FOLDER=str(folder), **extra)


def content(path: Path) -> bytes:
    """What a file shows: a PDF's pages as pixels (poppler) and its text (two processes order the embedded fonts
    differently, and each file has its creation time); an XLSX's parts except the document properties (which carry
    the time it was written)."""
    if path.suffix == ".pdf":
        pixels = subprocess.run(["pdftoppm", "-r", "60", "-gray", str(path)], capture_output=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
        return pixels + text
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(n) for n in sorted(archive.namelist()) if not n.startswith("docProps/"))


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def interrupt(folder: Path, pattern: str, lost: int):
    """What a killed run leaves: the last ``lost`` files never written, one of them half-written under a temporary
    name of a process that is gone. Returns the files kept, with what identifies each write (inode, mtime)."""
    files = sorted(folder.glob(pattern))
    assert len(files) > lost
    half = files[-1].read_bytes()[:200]
    for path in files[-lost:]:
        path.unlink()
    (folder / f"~tmp-{_host()}-{dead_pid()}-abcdefgh{files[-1].suffix}").write_bytes(half)
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in files[:-lost]}


@pytest.mark.parametrize("workers", [1, 2])
def test_parcel_maps_resume(village, run_alg, tmp_path, workers):
    reference = tmp_path / "reference"
    pages = run_alg("parcelmaps", map_params(village, reference))["PAGES"]
    assert pages == len(map_fixtures.village_parcels())
    folder = tmp_path / "interrupted"
    run_alg("parcelmaps", map_params(village, folder))
    kept = interrupt(folder, "*.pdf", 4)

    feedback = Recorder()
    result = run_alg("parcelmaps", map_params(village, folder, SKIP_EXISTING=True, WORKERS=workers), feedback=feedback)
    assert (result["SKIPPED"], result["PAGES"], result["FAILED"]) == (pages - 4, 4, 0)
    assert f"Skipped {pages - 4} parcels whose files were already complete." in feedback.messages
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.glob("*.pdf") if p.name in kept} == kept
    assert not [p.name for p in folder.iterdir() if p.name.startswith("~tmp-")]
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(p.name for p in reference.glob("*.pdf"))
    for path in reference.glob("*.pdf"):
        assert content(folder / path.name) == content(path), path.name
    report = (folder / "parcelmaps_report.csv").read_text(encoding="utf-8-sig")
    assert report.count("已跳过：文件已完整") == pages - 4

    again = run_alg("parcelmaps", map_params(village, folder))  # the default: everything drawn again
    assert (again["SKIPPED"], again["PAGES"]) == (0, pages)
    assert all((folder / name).stat().st_ino != ino or (folder / name).stat().st_mtime_ns != mtime
               for name, (ino, mtime) in kept.items())


def test_survey_forms_resume(village, run_alg, tmp_path):
    reference = tmp_path / "reference"
    assert run_alg("surveyforms", form_params(village, reference))["PAGES"] > 4
    folder = tmp_path / "interrupted"
    run_alg("surveyforms", form_params(village, folder))
    kept = interrupt(folder, "*_权籍调查表.pdf", 3)
    (folder / sorted(folder.glob("*.xlsx"))[0].name).unlink()  # a form whose XLSX is missing is done again
    expected_skipped = len(kept) - 1

    feedback = Recorder()
    result = run_alg("surveyforms", form_params(village, folder, SKIP_EXISTING=True), feedback=feedback)
    assert result["SKIPPED"] == expected_skipped and result["FAILED"] == 0
    assert f"Skipped {expected_skipped} parcels whose files were already complete." in feedback.messages
    assert not [p.name for p in folder.iterdir() if p.name.startswith("~tmp-")]
    names = sorted(p.name for p in reference.iterdir() if p.suffix in (".pdf", ".xlsx"))
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".xlsx")) == names
    for name in names:
        assert content(folder / name) == content(reference / name), name


def test_survey_forms_in_two_processes(village, run_alg, tmp_path):
    """WORKERS=2 writes the forms in two processes, the same files as one process, one report for all."""
    serial = tmp_path / "serial"
    one = run_alg("surveyforms", form_params(village, serial))
    folder = tmp_path / "parallel"
    feedback = Recorder()
    two = run_alg("surveyforms", form_params(village, folder, WORKERS=2), feedback=feedback)
    assert f"Drawing {len(map_fixtures.village_parcels())} pages in 2 processes." in feedback.messages
    assert (two["PAGES"], two["FAILED"]) == (one["PAGES"], one["FAILED"])
    names = sorted(p.name for p in serial.iterdir() if p.suffix in (".pdf", ".xlsx"))
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".xlsx")) == names
    for name in names:
        assert content(folder / name) == content(serial / name), name
    assert (folder / "surveyforms_report.csv").read_bytes() == (serial / "surveyforms_report.csv").read_bytes()
