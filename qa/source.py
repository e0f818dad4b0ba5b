"""Stage 1 (read): bytes on disk to text, with encoding detection and a line index.

Every later stage points back into the file through :class:`SourceText`, so findings and
exports can give file:line:column and character offsets.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import QaInputError

# Japanese legacy encodings we accept with a notice; tried in this order after UTF-8.
# EUC-JP first: its byte ranges reject most CP932 text, while CP932 accepts many EUC-JP bytes.
LEGACY_JAPANESE_ENCODINGS = ("euc_jp", "cp932")
INPUT_SUFFIXES = (".md", ".txt", ".jsonl")
NEWLINE = re.compile("\n")


@dataclass
class SourceText:
    """A decoded input file and the offsets where its lines start."""

    path: str
    text: str
    encoding: str = "utf-8"
    notice: str | None = None  # how the file was decoded, when it was not UTF-8
    first_line: int = 1  # line of the file where text starts (a piece of a large JSONL batch)
    # Problems a parser worked around (an unclosed code fence…), each "file:line: message".
    parse_notices: list[str] = field(default_factory=list)
    # Characters decoded from an escape (JSON `\u3042`, `\"`): file offset → offset just past it.
    escape_ends: dict[int, int] = field(default_factory=dict, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0, *(m.end() for m in NEWLINE.finditer(self.text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def char_end(self, offset: int) -> int:
        """File offset just past the raw text of the character at offset: itself or its escape."""
        return self.escape_ends.get(offset, offset + 1)

    def line_start(self, line: int) -> int:
        return self._line_starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    @property
    def notices(self) -> list[str]:
        """What to tell the user about this file: its encoding, then the parse problems."""
        return ([self.notice] if self.notice else []) + self.parse_notices


def decode_bytes(data: bytes, path: str) -> SourceText:
    """Decode UTF-8 (with or without BOM), else a Japanese legacy encoding with a notice."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise QaInputError(f"{path}: UTF-16 text, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`")
    if b"\x00" in data[:8192]:
        raise QaInputError(f"{path}: binary file (contains NUL bytes), expected UTF-8 text")
    text, encoding, notice = _decode(data, path)
    if not text.strip():
        raise QaInputError(f"{path}: file is empty")
    # One line break convention, as the Markdown parser counts lines: CRLF and lone CR become LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, encoding=encoding, notice=notice)


def _decode(data: bytes, path: str) -> tuple[str, str, str | None]:
    """(text, encoding, notice): UTF-8 first, then the legacy Japanese encodings."""
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_JAPANESE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_japanese(text):
            label = {"euc_jp": "EUC-JP", "cp932": "Shift_JIS/CP932"}[encoding]
            notice = f"{path}: decoded as {label}, not UTF-8; convert it with `iconv -f {label.split('/')[-1]} -t UTF-8`"
            return text, encoding, notice
    raise QaInputError(f"{path}: not UTF-8 text and not Shift_JIS/CP932/EUC-JP either")


def _looks_japanese(text: str) -> bool:
    """True when decoded text has kana: a wrong legacy decode yields mostly odd Han or symbols."""
    kana = sum(1 for ch in text if "\u3041" <= ch <= "\u30ff")
    return kana >= max(1, len(text) // 50)


def read_source(path: str | Path) -> SourceText:
    p = Path(path)
    if not p.exists():
        raise QaInputError(f"{path}: no such file or directory")
    if p.is_dir():
        raise QaInputError(f"{path}: is a directory, expected a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise QaInputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_bytes(data, str(path))


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files as given; directories expand to their *.md, *.txt and *.jsonl files, sorted, leaving
    out hidden directories (.venv, .git) and files. Each file comes once, in first-seen order."""
    if not paths:
        raise QaInputError("no input paths given")
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inner = sorted(f for f in p.rglob("*") if f.suffix in INPUT_SUFFIXES and _visible(f, p) and f.is_file())
            if not inner:
                raise QaInputError(f"{raw}: directory has no *.md, *.txt or *.jsonl files")
            found.extend(inner)
        elif p.exists():
            found.append(p)
        else:
            raise QaInputError(f"{raw}: no such file or directory")
    return list(dict.fromkeys(found))


def _visible(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)
