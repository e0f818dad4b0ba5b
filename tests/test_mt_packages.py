"""`qa models`: installing, listing and removing Argos packages, offline, in tmp folders."""

from __future__ import annotations

import json
import zipfile

import pytest

from mt_package import mt_archives, mt_environment, requires_mt, run_qa_in  # noqa: F401  (fixture)

pytestmark = requires_mt


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """A fresh, empty packages folder per test."""
    return mt_environment(tmp_path)


def models_json(env) -> dict:
    result = run_qa_in(env, "models", "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_install_from_file_puts_the_package_in_the_argos_packages_dir(env, mt_archives):
    result = run_qa_in(env, "models", "install", str(mt_archives["ja_en"]))
    assert result.returncode == 0, result.stderr
    listed = models_json(env)
    assert listed["packages_dir"] == env["ARGOS_PACKAGES_DIR"]
    assert [(p["name"], p["version"], p["from_code"], p["to_code"], p["used"]) for p in listed["packages"]] == [
        ("translate-ja_en", "0.1", "ja", "en", True)
    ]
    assert listed["packages"][0]["path"] == f"{env['ARGOS_PACKAGES_DIR']}/translate-ja_en-0_1"


def test_list_says_where_models_live_and_how_to_get_one_when_there_is_none(env):
    result = run_qa_in(env, "models", "list")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"models in {env['ARGOS_PACKAGES_DIR']} (set ARGOS_PACKAGES_DIR to use another folder)",
        "  none: qa models install --from-index ja en, or qa models install FILE.argosmodel",
    ]


def test_list_marks_the_model_used_for_each_pair(env, mt_archives):
    for archive in mt_archives.values():
        run_qa_in(env, "models", "install", str(archive))
    lines = run_qa_in(env, "models", "list").stdout.splitlines()
    assert lines[1:] == [
        f"* en→ja  translate-en_ja 0.1  {env['ARGOS_PACKAGES_DIR']}/translate-en_ja-0_1",
        f"* ja→en  translate-ja_en 0.1  {env['ARGOS_PACKAGES_DIR']}/translate-ja_en-0_1",
        "(* the model used for its language pair)",
    ]


def test_installing_a_pair_again_replaces_the_installed_package(env, mt_archives):
    run_qa_in(env, "models", "install", str(mt_archives["ja_en"]))
    again = run_qa_in(env, "models", "install", str(mt_archives["ja_en"]))
    assert again.returncode == 0
    assert len(models_json(env)["packages"]) == 1


def test_remove_deletes_the_package_folder(env, mt_archives):
    run_qa_in(env, "models", "install", str(mt_archives["ja_en"]))
    result = run_qa_in(env, "models", "remove", "ja", "en")
    assert result.returncode == 0
    assert result.stdout == f"removed translate-ja_en 0.1 from {env['ARGOS_PACKAGES_DIR']}/translate-ja_en-0_1\n"
    assert models_json(env)["packages"] == []


def test_removing_a_pair_that_is_not_installed_is_an_input_error(env):
    result = run_qa_in(env, "models", "remove", "en", "ja")
    assert result.returncode == 2
    assert result.stderr == f"qa: error: no en→ja model installed in {env['ARGOS_PACKAGES_DIR']}\n"


def test_install_from_index_offline_fails_with_one_line_and_exit_2(env):
    result = run_qa_in(env, "models", "install", "--from-index", "ja", "en")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("qa: error: cannot download the package index http://127.0.0.1:9/index.json (")
    assert result.stderr.endswith("without network, install a package file: qa models install FILE.argosmodel\n")


def test_a_file_that_is_not_a_zip_archive_is_refused(env, tmp_path):
    fake = tmp_path / "fake.argosmodel"
    fake.write_text("not a zip", encoding="utf-8")
    result = run_qa_in(env, "models", "install", str(fake))
    assert (result.returncode, result.stderr) == (2, f"qa: error: {fake}: not an Argos package (not a zip archive)\n")


def test_an_archive_whose_paths_escape_the_package_folder_is_refused(env, tmp_path):
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("pkg/metadata.json", "{}")
        zf.writestr("pkg/../../outside.txt", "x")
    result = run_qa_in(env, "models", "install", str(evil))
    assert (result.returncode, result.stderr) == (2, f"qa: error: {evil}: unsafe path in archive: pkg/../../outside.txt\n")
    assert not (tmp_path / "outside.txt").exists()


def test_an_archive_without_a_model_is_refused_and_leaves_nothing_behind(env, tmp_path):
    partial = tmp_path / "partial.argosmodel"
    with zipfile.ZipFile(partial, "w") as zf:
        zf.writestr("translate-ja_en-9/metadata.json", json.dumps({"from_code": "ja", "to_code": "en"}))
    result = run_qa_in(env, "models", "install", str(partial))
    assert (result.returncode, result.stderr) == (
        2,
        f"qa: error: {partial}: no CTranslate2 model (translate-ja_en-9/model/model.bin)\n",
    )
    assert [p.name for p in (tmp_path / "packages").iterdir()] == []


def test_install_needs_a_file_or_an_index_pair(env):
    result = run_qa_in(env, "models", "install")
    assert (result.returncode, result.stderr) == (2, "qa: error: give either a FILE.argosmodel or --from-index SRC TGT\n")


def test_translating_without_a_model_says_how_to_install_one(env, tmp_path):
    result = run_qa_in(env, "translate", "samples/digests/realm-abstract-page.md", "--to", "ja", "-o", str(tmp_path / "d.jsonl"))
    assert result.returncode == 2
    assert result.stderr == (
        f"qa: error: no en→ja model installed in {env['ARGOS_PACKAGES_DIR']}: "
        "qa models install --from-index en ja, or qa models install FILE.argosmodel\n"
    )


def test_a_broken_package_folder_is_named_in_a_one_line_error(env, tmp_path):
    broken = tmp_path / "packages" / "translate-ja_en-1_1"
    broken.mkdir()
    (broken / "metadata.json").write_text("{", encoding="utf-8")
    result = run_qa_in(env, "models", "list")
    assert result.returncode == 2
    assert result.stderr.startswith(f"qa: error: {broken}: broken package (")
    assert result.stderr.endswith("remove the folder or install the package again\n")
