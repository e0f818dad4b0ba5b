"""qa.abstracts: every source gives the same records; large sources are streamed and filtered."""

import json
from pathlib import Path

import pytest

from qa.abstracts import RecordFilter, detect_source, load_records, read_records
from qa.abstracts.arxiv_api import ArxivCache
from qa.errors import QaInputError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ABSTRACTS = SAMPLES / "abstracts.jsonl"
REALM = SAMPLES / "digests" / "realm-abstract-page.md"

LONGROPE_ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=2502.20082</title>
  <entry>
    <id>http://arxiv.org/abs/2502.20082v1</id>
    <updated>2025-02-27T13:41:07Z</updated>
    <published>2025-02-27T13:41:07Z</published>
    <title>LongRoPE2: Near-Lossless LLM Context Window
  Scaling</title>
    <summary>  LongRoPE2 is a novel approach that extends the effective context window of
pre-trained large language models (LLMs) to the target length, while
preserving the performance on the original shorter context window.
</summary>
    <author><name>Ning Shang</name></author>
    <author><name>Li Lyna Zhang</name></author>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
"""

ERROR_ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_2502.2008</id>
    <title>Error</title>
    <summary>incorrect id format for 2502.2008</summary>
  </entry>
</feed>
"""


def snapshot_line(**fields) -> str:
    record = {
        "id": "2502.20082",
        "submitter": "Li Lyna Zhang",
        "authors": "Ning Shang, Li Lyna Zhang, Siyuan Wang",
        "title": "LongRoPE2: Near-Lossless LLM Context Window\n  Scaling",
        "comments": None,
        "categories": "cs.CL",
        "abstract": "  LongRoPE2 is a novel approach that extends the effective context window of\npre-trained large language models (LLMs) to the target length.\n",
        "versions": [
            {"version": "v1", "created": "Thu, 27 Feb 2025 13:41:07 GMT"},
            {"version": "v2", "created": "Mon, 3 Mar 2025 09:00:00 GMT"},
        ],
        "update_date": "2025-03-04",
        "authors_parsed": [["Shang", "Ning", ""], ["Zhang", "Li Lyna", ""], ["Wang", "Siyuan", ""]],
    }
    record.update(fields)
    return json.dumps(record)


def test_sample_jsonl_gives_all_43_records():
    index = load_records([ABSTRACTS])
    assert len(index) == 43
    record = index.by_id("2502.20082")
    assert record.title == "LongRoPE2: Near-Lossless LLM Context Window Scaling"
    assert record.authors[:2] == ["Ning Shang", "Li Lyna Zhang"]
    assert record.date == "2025-02-27"
    assert record.source == f"{ABSTRACTS}:7"


def test_lookup_by_id_ignores_the_version():
    index = load_records([ABSTRACTS])
    assert index.by_id("2502.20082v3").id == "2502.20082"
    assert index.by_id("2502.99999") is None


def test_title_lookup_scores_the_closest_title_first():
    index = load_records([ABSTRACTS])
    (record, score), *_ = index.by_title("LongRoPE2: near-lossless LLM context-window scaling")
    assert record.id == "2502.20082"
    assert score == 1.0


def test_atom_file(tmp_path):
    path = tmp_path / "query.xml"
    path.write_text(LONGROPE_ATOM, encoding="utf-8")
    assert detect_source(path).name == "atom"
    (record,) = read_records(path)
    assert (record.id, record.version, record.date) == ("2502.20082", 1, "2025-02-27")
    assert record.title == "LongRoPE2: Near-Lossless LLM Context Window Scaling"
    assert record.authors == ["Ning Shang", "Li Lyna Zhang"]
    assert record.abstract.startswith("LongRoPE2 is a novel approach that extends the effective context window of pre-trained")


def test_atom_error_entry_is_bad_input(tmp_path):
    path = tmp_path / "error.xml"
    path.write_text(ERROR_ATOM, encoding="utf-8")
    with pytest.raises(QaInputError, match="incorrect id format for 2502.2008"):
        list(read_records(path))


def test_malformed_atom_is_bad_input(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text(LONGROPE_ATOM[:400], encoding="utf-8")
    with pytest.raises(QaInputError, match="malformed Atom XML"):
        list(read_records(path))


def test_snapshot_record(tmp_path):
    path = tmp_path / "arxiv-metadata-oai-snapshot.json"
    path.write_text(snapshot_line() + "\n", encoding="utf-8")
    assert detect_source(path).name == "arxiv-snapshot"
    (record,) = read_records(path)
    assert (record.id, record.version, record.date) == ("2502.20082", 2, "2025-02-27")
    assert record.title == "LongRoPE2: Near-Lossless LLM Context Window Scaling"
    assert record.authors == ["Ning Shang", "Li Lyna Zhang", "Siyuan Wang"]
    assert record.abstract == "LongRoPE2 is a novel approach that extends the effective context window of pre-trained large language models (LLMs) to the target length."


def test_snapshot_old_style_id(tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(snapshot_line(id="hep-th/9901001", title="An old paper", authors_parsed=[]) + "\n", encoding="utf-8")
    (record,) = read_records(path)
    assert record.id == "hep-th/9901001"
    assert record.authors == ["Ning Shang", "Li Lyna Zhang", "Siyuan Wang"]


def test_snapshot_is_streamed(tmp_path):
    """Records come out one by one: a bad line further down is met only when it is reached."""
    path = tmp_path / "snapshot.json"
    path.write_text(snapshot_line() + "\n{not json\n", encoding="utf-8")
    records = read_records(path)
    assert next(records).id == "2502.20082"
    with pytest.raises(QaInputError, match=":2: not a snapshot record"):
        next(records)


def test_filter_keeps_wanted_ids_and_close_titles(tmp_path):
    path = tmp_path / "snapshot.json"
    lines = [
        snapshot_line(),
        snapshot_line(id="2501.04519", title="rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking"),
        snapshot_line(id="2401.00001", title="An unrelated paper on protein folding"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wanted = RecordFilter(ids=["2502.20082v1"], titles=["rStar-Math: Small LLMs can master math reasoning with self-evolved deep thinking"])
    assert sorted(r.id for r in load_records([path], wanted)) == ["2501.04519", "2502.20082"]


def test_english_abstract_embedded_in_the_metadata_page():
    (record,) = read_records(REALM)
    jsonl = load_records([ABSTRACTS]).by_id("2508.12387")
    assert record.id == "2508.12387"
    assert record.title == jsonl.title
    assert record.abstract == jsonl.abstract
    assert record.source == f"{REALM}:14"


def test_bilingual_jsonl_abstract_en_is_a_digest_source(tmp_path):
    path = tmp_path / "batch.jsonl"
    line = {"id": "2502.20082v1", "title": "LongRoPE2: Near-Lossless LLM Context Window Scaling",
            "abstract_en": "LongRoPE2 is a novel approach.", "abstract_ja": "LongRoPE2は新しいアプローチです。"}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert detect_source(path).name == "digest"
    (record,) = read_records(path)
    assert (record.id, record.abstract) == ("2502.20082", "LongRoPE2 is a novel approach.")


def test_jsonl_line_without_abstract_is_reported_with_its_line(tmp_path):
    path = tmp_path / "abstracts.jsonl"
    path.write_text('{"id": "2502.20082", "title": "T", "abstract": "A"}\n{"id": "2502.20083", "title": "T", "abstract": "A"}\n{"id": "x", "title": "T", "abstract": ""}\n', encoding="utf-8")
    with pytest.raises(QaInputError, match=r"abstracts.jsonl:3: missing abstract"):
        load_records([path])


def test_unknown_file_kind_and_missing_file(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("id,title\n", encoding="utf-8")
    with pytest.raises(QaInputError, match="not a known abstract source"):
        load_records([path])
    with pytest.raises(QaInputError, match="no such file"):
        load_records([tmp_path / "missing.jsonl"])


def test_arxiv_cache_fetches_once_then_answers_from_sqlite(tmp_path):
    calls = []

    def fetch(ids):
        calls.append(ids)
        return LONGROPE_ATOM.encode()

    cache = ArxivCache(tmp_path / "arxiv.sqlite", fetch=fetch)
    first = cache.lookup(["2502.20082v1"])
    cache.close()
    again = ArxivCache(tmp_path / "arxiv.sqlite", fetch=fetch)
    second = again.lookup(["2502.20082"])
    again.close()
    assert calls == [["2502.20082"]]
    assert [r.id for r in first] == [r.id for r in second] == ["2502.20082"]
    assert second[0].source == "arXiv API"
