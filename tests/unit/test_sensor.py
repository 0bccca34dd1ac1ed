"""The raw/ sensor: a new file asks for its partition and a run; an unchanged one does not."""
import json
import os

import dagster as dg

from orchestration.defs.resources import WenlingPaths
from orchestration.defs.sensors import raw_files_sensor


def _evaluate(instance: dg.DagsterInstance, paths, cursor: str | None):
    resource = WenlingPaths(raw_dir=str(paths.raw_dir), warehouse_path=str(paths.warehouse), lake_dir=str(paths.lake_dir))
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"wenling_paths": resource})
    return raw_files_sensor(context)


def test_new_then_unchanged_then_edited_file(tmp_paths) -> None:
    with dg.instance_for_test() as instance:
        issue = tmp_paths.raw_dir / "wlrb 2024-08-23 第一版.txt"
        issue.write_text("本报讯 近日。\n", encoding="utf-8")
        (tmp_paths.raw_dir / "notes.md").write_text("not an issue", encoding="utf-8")

        first = _evaluate(instance, tmp_paths, None)
        assert isinstance(first, dg.SensorResult)
        assert [r.partition_key for r in first.run_requests] == [issue.name]
        assert first.dynamic_partitions_requests[0].partition_keys == [issue.name]
        assert issue.name in json.loads(first.cursor)
        assert "notes.md" not in json.loads(first.cursor)

        again = _evaluate(instance, tmp_paths, first.cursor)
        assert isinstance(again, dg.SkipReason)

        issue.write_text("本报讯 近日，又改了。\n", encoding="utf-8")
        os.utime(issue, ns=(issue.stat().st_atime_ns, issue.stat().st_mtime_ns + 1_000_000))
        edited = _evaluate(instance, tmp_paths, first.cursor)
        assert [r.partition_key for r in edited.run_requests] == [issue.name]
        assert edited.run_requests[0].run_key != first.run_requests[0].run_key
