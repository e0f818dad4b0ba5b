"""Check configuration from `qa.toml` or `[tool.qa]` in `pyproject.toml`.

```toml
[tool.qa]
abstracts = "samples/abstracts.jsonl"
glossary = ["glossaries/ml-ja.yaml"]
select = ["numbers", "terms.forbidden"]   # families or rule ids; default: all
ignore = ["style.halfwidth_kana"]
fail-on = "error"                         # error | warning | info | never
baseline = ".qa-baseline.json"

[tool.qa.rules."style.mixed_politeness"]
severity = "info"        # override the default severity
min-majority = 3         # rule-specific thresholds (min-majority and min_majority are the same)
```

Unknown keys are errors, so a misspelt setting fails loudly instead of silently doing nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from qa.errors import QaInputError
from qa.findings import Severity

CONFIG_FILES = ("qa.toml", "pyproject.toml")


class RuleConfig(BaseModel, extra="allow"):
    enabled: bool = True
    severity: Severity | None = None

    def thresholds(self) -> dict[str, Any]:
        """Rule-specific settings under the names the rules read (TOML's kebab-case accepted)."""
        return {key.replace("-", "_"): value for key, value in (self.model_extra or {}).items()}


class Config(BaseModel):
    abstracts: list[str] = Field(default_factory=list)
    glossary: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on")
    baseline: str | None = None
    rules: dict[str, RuleConfig] = Field(default_factory=dict)
    path: str | None = None  # the file this came from

    model_config = {"populate_by_name": True, "extra": "forbid"}


def load_config(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """The given config file, else qa.toml or pyproject.toml [tool.qa] in the working directory."""
    if explicit:
        return _read(Path(explicit), required=True)
    base = start or Path.cwd()
    for name in CONFIG_FILES:
        candidate = base / name
        if candidate.is_file():
            config = _read(candidate, required=False)
            if config is not None:
                return config
    return Config()


def _read(path: Path, required: bool) -> Config | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise QaInputError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QaInputError(f"{path}: invalid TOML ({exc})") from None
    section = data.get("tool", {}).get("qa") if path.name == "pyproject.toml" else data.get("tool", {}).get("qa", data)
    if section is None:
        if required:
            raise QaInputError(f"{path}: no [tool.qa] section")
        return None
    for key in ("abstracts", "glossary"):
        if isinstance(section.get(key), str):
            section[key] = [section[key]]
    try:
        config = Config.model_validate(section)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise QaInputError(f"{path}: [tool.qa] {where}: {first['msg']}") from None
    # Paths in the config are relative to the config file, not to the working directory.
    config.abstracts = [str(path.parent / p) for p in config.abstracts]
    config.glossary = [str(path.parent / p) for p in config.glossary]
    if config.baseline:
        config.baseline = str(path.parent / config.baseline)
    config.path = str(path)
    return config
