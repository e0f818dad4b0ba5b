"""The package's metadata is in pyproject.toml; this file only adds its compiled modules.

The modules where a check spends its time on pure-Python loops (the sentence aligner's lattice
and evidence, sentence features, anchors, the segmenter, the rules that read every sentence
pair) are compiled to C with mypyc from their own source, which stays the one definition of
what they do: a batch check runs about a third faster. Without a C compiler, or with
QA_PURE_PYTHON=1, the package installs as plain Python and behaves the same, only slower.
"""

import glob
import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED_MODULES = [
    "qa/align/sentences.py",
    "qa/align/features.py",
    "qa/anchors.py",
    "qa/segment.py",
    "qa/checks/pairs.py",
    "qa/checks/mistranslation.py",
    "qa/checks/numbers.py",
    "qa/checks/entities.py",
    "qa/checks/lang.py",
    "qa/checks/style.py",
]


# Commands that only write metadata: pip runs two of them before each build, and mypyc's type
# check and C generation would run for nothing (a quarter of a minute each).
METADATA_COMMANDS = ("egg_info", "dist_info", "sdist")


def compiled_extensions() -> list:
    if sys.argv[1:2] and sys.argv[1] in METADATA_COMMANDS:
        return []
    _remove_compiled()
    if os.environ.get("QA_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify

        # One shared library for all of them, inside the package (qa/_compiled__mypyc…so).
        # Only these modules are type-checked, and against no installed package (pydantic, fugashi
        # are Any to it): what the build sees must not depend on what the environment holds.
        options = ["--follow-imports=silent", "--ignore-missing-imports", "--no-site-packages"]
        return mypycify([*options, *COMPILED_MODULES], opt_level="3", group_name="qa._compiled")
    except (Exception, SystemExit) as error:  # mypyc missing, or its type check failed
        print(f"digest-qa: not compiling ({error!r}); installing plain Python", file=sys.stderr)
        return []


def _remove_compiled() -> None:
    """An editable install builds the modules beside their sources, where Python imports them
    before the source: ones left from an earlier build (or of a module no longer listed) would
    shadow the sources. The package has no extension modules of its own besides these."""
    for built in glob.glob("qa/**/*.so", recursive=True):
        os.remove(built)


class OptionalBuildExt(build_ext):
    """A failed compilation leaves the plain-Python modules in place instead of failing the
    install. The modules are built all or none: a compiled module whose shared library is
    missing would fail to import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no Python headers
            print(f"digest-qa: compiling failed ({error}); installing plain Python", file=sys.stderr)
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
