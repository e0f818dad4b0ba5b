"""Argos Translate packages: where they live, which one serves a language pair, install, remove.

Packages are read with `argostranslate.package`; installing and removing are done here
because argos' own `install_from_path`/`uninstall` import `argostranslate.translate` (seconds
of spacy and torch imports). Where packages live is argos' choice: `ARGOS_PACKAGES_DIR`,
else `$XDG_DATA_HOME/argos-translate/packages` (or `~/.local/share/...`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from qa.errors import QaInputError
from qa.mt import INSTALL_HINT
from qa.writes import atomic_write_bytes

INDEX_TIMEOUT = 30  # seconds to wait for the package index before giving up


class InstalledPackage(BaseModel):
    name: str  # argospm name: translate-ja_en
    version: str
    from_code: str
    to_code: str
    from_name: str = ""
    to_name: str = ""
    path: Path

    @property
    def key(self) -> str:
        """What identifies the package's translations (the translation cache is keyed by it)."""
        return f"{self.name}@{self.version}"


def argos_package_module():
    """`argostranslate.package`, or a one-line error when the MT extra is not installed."""
    try:
        import argostranslate.package as package
    except ImportError:
        raise QaInputError(f"machine translation is not available: {INSTALL_HINT}") from None
    return package


def packages_dir() -> Path:
    argos_package_module()
    from argostranslate import settings

    return Path(settings.package_data_dir)


def installed_packages() -> list[InstalledPackage]:
    """Translation packages in the packages directory, by pair then version."""
    root = packages_dir()
    found = [read_package(d) for d in sorted(root.iterdir()) if _is_package_dir(d)]
    packages = [p for p in found if p is not None]
    return sorted(packages, key=lambda p: (p.from_code, p.to_code, _version_key(p.version)))


def package_for(src: str, tgt: str) -> InstalledPackage | None:
    """The package used for src → tgt: the highest installed version."""
    candidates = [p for p in installed_packages() if (p.from_code, p.to_code) == (src, tgt)]
    return candidates[-1] if candidates else None


def require_package(src: str, tgt: str) -> InstalledPackage:
    package = package_for(src, tgt)
    if package is None:
        raise QaInputError(
            f"no {src}→{tgt} model installed in {packages_dir()}: "
            f"qa models install --from-index {src} {tgt}, or qa models install FILE.argosmodel"
        )
    return package


def read_package(directory: Path) -> InstalledPackage | None:
    """The package in directory, or None when it is not a translation package."""
    try:
        package = argos_package_module().Package(directory)
    except (ValueError, OSError) as exc:
        raise QaInputError(f"{directory}: broken package ({exc}); remove the folder or install the package again") from None
    if package.type != "translate" or not package.from_code or not package.to_code:
        return None
    return InstalledPackage(
        name=argos_package_module().argospm_package_name(package),
        version=package.package_version or "0",
        from_code=package.from_code,
        to_code=package.to_code,
        from_name=package.from_name,
        to_name=package.to_name,
        path=directory,
    )


def install_file(archive: Path) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Install an .argosmodel file; returns the package and the packages of its pair it replaced."""
    archive = Path(archive)
    if not archive.is_file():
        raise QaInputError(f"{archive}: no such file")
    if not zipfile.is_zipfile(archive):
        raise QaInputError(f"{archive}: not an Argos package (not a zip archive)")
    root = packages_dir()
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        with zipfile.ZipFile(archive) as zf:
            folder = _package_folder(zf, archive)
            zf.extractall(staging)
        _check_contents(staging / folder, archive)
        package = read_package(staging / folder)
        if package is None:
            raise QaInputError(f"{archive}: not a translation package (metadata.json type/from_code/to_code)")
        replaced = [p for p in installed_packages() if (p.from_code, p.to_code) == (package.from_code, package.to_code)]
        for old in replaced:
            shutil.rmtree(old.path)
        target = root / folder
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging / folder, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return package.model_copy(update={"path": target}), replaced


def remove(src: str, tgt: str) -> list[InstalledPackage]:
    """Remove every installed src → tgt package; returns what was removed."""
    removed = [p for p in installed_packages() if (p.from_code, p.to_code) == (src, tgt)]
    if not removed:
        raise QaInputError(f"no {src}→{tgt} model installed in {packages_dir()}")
    for package in removed:
        shutil.rmtree(package.path)
    return removed


def install_from_index(src: str, tgt: str) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Download the package index, then the newest src → tgt package, and install it."""
    package_module = argos_package_module()
    from argostranslate import settings

    _download_index(settings.remote_package_index, Path(settings.local_package_index))
    available = [
        p for p in package_module.get_available_packages()
        if (p.from_code, p.to_code) == (src, tgt) and p.type == "translate"
    ]
    if not available:
        raise QaInputError(f"the package index {settings.remote_package_index} has no {src}→{tgt} model")
    best = max(available, key=lambda p: _version_key(p.package_version))
    try:
        download = best.download()
    except Exception as exc:  # argos raises a bare Exception when every link failed
        raise QaInputError(f"cannot download the {src}→{tgt} model {best.package_version}: {exc}") from None
    try:
        return install_file(download)
    finally:
        download.unlink(missing_ok=True)


def _download_index(url: str, local: Path) -> None:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=INDEX_TIMEOUT) as response:
            data = response.read()
        json.loads(data)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise QaInputError(
            f"cannot download the package index {url} ({reason}); "
            "without network, install a package file: qa models install FILE.argosmodel"
        ) from None
    atomic_write_bytes(local, data)


def _package_folder(zf: zipfile.ZipFile, archive: Path) -> str:
    """The one top-level folder of a package archive; refuses paths that escape it."""
    names = zf.namelist()
    tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
    if len(tops) != 1:
        raise QaInputError(f"{archive}: an Argos package has exactly one top-level folder, found {len(tops)}")
    for name in names:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or "\\" in name:
            raise QaInputError(f"{archive}: unsafe path in archive: {name}")
    folder = tops.pop()
    if folder.startswith("."):
        raise QaInputError(f"{archive}: the package folder must not be hidden: {folder}")
    return folder


def _check_contents(folder: Path, archive: Path) -> None:
    if not (folder / "metadata.json").is_file():
        raise QaInputError(f"{archive}: no metadata.json in {folder.name}/")
    try:
        json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise QaInputError(f"{archive}: metadata.json is not valid JSON ({exc})") from None
    if not (folder / "model" / "model.bin").is_file():
        raise QaInputError(f"{archive}: no CTranslate2 model ({folder.name}/model/model.bin)")
    if not any((folder / name).is_file() for name in ("sentencepiece.model", "bpe.model")):
        raise QaInputError(f"{archive}: no tokenizer ({folder.name}/sentencepiece.model or bpe.model)")


def _is_package_dir(path: Path) -> bool:
    return path.is_dir() and not path.name.startswith(".") and (path / "metadata.json").is_file()


def _version_key(version: str) -> tuple:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)
