"""Arrow schemas of the lake and the raw tables, derived from the text library's records.

records.py is the single description of each fact; this module turns a dataclass into the
Arrow schema its rows are written with, so a field added there flows to Parquet without a
second list to keep in step (tests/unit/test_raw_schema.py checks the DuckDB DDL agrees).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing

import pyarrow as pa

from orchestration.textmine import records

_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int32(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    tuple[str, ...]: pa.list_(pa.string()),
}


def _arrow_type(hint: object) -> pa.DataType:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # X | None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _arrow_type(inner)
    return _ARROW_TYPES[hint]


def schema_of(record_cls: type, *, drop: tuple[str, ...] = (), prefix: tuple[tuple[str, pa.DataType], ...] = ()) -> pa.Schema:
    hints = typing.get_type_hints(record_cls)
    fields = [pa.field(name, kind) for name, kind in prefix]
    fields += [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(record_cls) if f.name not in drop]
    return pa.schema(fields)


SOURCE_FILE = (("source_file", pa.string()),)

# Lake stages (one Parquet file per issue file each).
# + the file's mtime, and its fingerprint (size:mtime_ns) when it was read: `wenling run` compares
# it with raw/ to find what changed since the last build.
DOCUMENT = (schema_of(records.DecodedIssue).append(pa.field("file_mtime", pa.timestamp("us")))
            .append(pa.field("file_fingerprint", pa.string())))
ARTICLE = schema_of(records.Article)
ARTICLE_TERM = pa.schema([("article_id", pa.string()), ("issue_id", pa.string()), ("term", pa.string()), ("tf", pa.int32())])
PUBLICATION = schema_of(records.PublicationDate)
ENTITY_MENTION = schema_of(records.EntityMention)
METRIC = schema_of(records.Metric)
PROJECT_MENTION = schema_of(records.ProjectMention)
EVENT = schema_of(records.Event)

# Fact stages written by the extraction asset, keyed by the raw table they load into.
FACT_STAGES: dict[str, pa.Schema] = {
    "entity_mentions": ENTITY_MENTION,
    "metrics": METRIC,
    "project_mentions": PROJECT_MENTION,
    "events": EVENT,
}
