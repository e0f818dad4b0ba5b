"""Small output helpers shared by the commands."""

from __future__ import annotations

import json
import sys


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(f"qa: notice: {notice}", file=sys.stderr)
