"""What `qa check --mt` hands to the checks: the ja→en translator, or a notice on how to get one."""

from __future__ import annotations

from qa.errors import QaInputError


def mt_check_options(beam_size: int | None = None, threads: int = 0, use_cache: bool = True) -> tuple[dict, list[str]]:
    """Check options for the `mt` rules and notices for the user.

    With the MT extra and a ja→en model installed: ({"mt": {"translator": Translator}}, []).
    Without them: ({}, [one notice saying how to install]); the `mt` rules then yield nothing.
    """
    from qa.mt.translator import DEFAULT_BEAM_SIZE, open_translator

    try:
        translator = open_translator("ja", "en", beam_size or DEFAULT_BEAM_SIZE, threads, use_cache=use_cache)
    except QaInputError as exc:
        return {}, [f"mt rules skipped: {exc}"]
    return {"mt": {"translator": translator}}, []
