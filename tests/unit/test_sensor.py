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
        assert issue.name in json.loads(first.cursor)["files"]
        assert "notes.md" not in json.loads(first.cursor)["files"]

        again = _evaluate(instance, tmp_paths, first.cursor)
        assert isinstance(again, dg.SkipReason)

        issue.write_text("本报讯 近日，又改了。\n", encoding="utf-8")
        os.utime(issue, ns=(issue.stat().st_atime_ns, issue.stat().st_mtime_ns + 1_000_000))
        edited = _evaluate(instance, tmp_paths, first.cursor)
        assert [r.partition_key for r in edited.run_requests] == [issue.name]
        assert edited.run_requests[0].run_key != first.run_requests[0].run_key


def test_thirty_files_at_once_are_one_run_over_their_range(tmp_paths) -> None:
    with dg.instance_for_test() as instance:
        names = [f"第{i:02d}期 wlrb.txt" for i in range(30)]
        for name in names:
            (tmp_paths.raw_dir / name).write_text(f"本报讯 第{name}。\n", encoding="utf-8")
        result = _evaluate(instance, tmp_paths, None)
        assert result.dynamic_partitions_requests[0].partition_keys == names
        (request,) = result.run_requests
        assert request.job_name == "issue_pipeline"
        assert (request.partition_key_range.start, request.partition_key_range.end) == (names[0], names[-1])

        # The partitions now exist; edit two that are not neighbours: two single-partition runs.
        instance.add_dynamic_partitions("issue_files", names)
        for name in (names[3], names[7]):
            path = tmp_paths.raw_dir / name
            path.write_text("本报讯 改了。\n", encoding="utf-8")
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
        edited = _evaluate(instance, tmp_paths, result.cursor)
        assert sorted(r.partition_key for r in edited.run_requests) == [names[3], names[7]]
        assert not edited.dynamic_partitions_requests


def test_a_removed_file_asks_for_a_marts_rebuild_that_marks_it_withdrawn(tmp_paths) -> None:
    with dg.instance_for_test() as instance:
        keep, drop = tmp_paths.raw_dir / "keep.txt", tmp_paths.raw_dir / "drop.txt"
        keep.write_text("本报讯 一。\n", encoding="utf-8")
        drop.write_text("本报讯 二。\n", encoding="utf-8")
        first = _evaluate(instance, tmp_paths, None)
        drop.unlink()
        after = _evaluate(instance, tmp_paths, first.cursor)
        (request,) = after.run_requests
        assert request.job_name == "rebuild_marts" and request.partition_key is None
        assert "drop.txt" not in json.loads(after.cursor)["files"]


def test_ignored_entries_are_logged_once(tmp_paths, capfd) -> None:
    with dg.instance_for_test() as instance:
        (tmp_paths.raw_dir / "issue.txt").write_text("本报讯 一。\n", encoding="utf-8")
        (tmp_paths.raw_dir / "photo.jpg").write_bytes(b"\xff\xd8\xff")
        first = _evaluate(instance, tmp_paths, None)
        logged = capfd.readouterr().err  # the sensor's log (Dagster's logger writes to stderr)
        assert "photo.jpg" in logged and "not a .txt file" in logged
        again = _evaluate(instance, tmp_paths, first.cursor)
        assert isinstance(again, dg.SkipReason)
        assert "photo.jpg" not in capfd.readouterr().err


def test_the_first_cursor_format_is_still_read(tmp_paths) -> None:
    with dg.instance_for_test() as instance:
        issue = tmp_paths.raw_dir / "a.txt"
        issue.write_text("本报讯 一。\n", encoding="utf-8")
        from orchestration.rawfiles import fingerprint

        old_cursor = json.dumps({"a.txt": fingerprint(issue)})
        assert isinstance(_evaluate(instance, tmp_paths, old_cursor), dg.SkipReason)


def test_first_tick_does_not_rerun_what_the_published_warehouse_was_loaded_from(tmp_paths) -> None:
    """The UI started after `make run`: a file loaded from the same bytes is not new; others are."""
    import duckdb

    from orchestration.rawfiles import fingerprint
    from orchestration.warehouse.publish import RAW_SCHEMA_SQL

    loaded, edited, new = (tmp_paths.raw_dir / n for n in ("第1期.txt", "第2期.txt", "第3期.txt"))
    for path in (loaded, edited, new):
        path.write_text(f"本报讯 {path.name}。\n", encoding="utf-8")
    tmp_paths.warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(tmp_paths.warehouse)) as con:
        con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
        for path, fp in ((loaded, fingerprint(loaded)), (edited, "1:1")):
            con.execute("insert into raw.issues (source_file, issue_id, loaded_at, first_loaded_at, file_fingerprint) "
                        "values (?, ?, now(), now(), ?)", [path.name, path.stem, fp])
    with dg.instance_for_test() as instance:
        first = _evaluate(instance, tmp_paths, None)
        assert isinstance(first, dg.SensorResult)
        (request,) = first.run_requests  # the edited and the new file: neighbours, one run
        assert (request.partition_key_range.start, request.partition_key_range.end) == (edited.name, new.name)
        assert loaded.name in json.loads(first.cursor)["files"]
        assert isinstance(_evaluate(instance, tmp_paths, first.cursor), dg.SkipReason)
