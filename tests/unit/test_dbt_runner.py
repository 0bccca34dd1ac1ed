"""When a dbt build is a full refresh, and what a successful build records."""

from orchestration.warehouse import dbt_runner


def test_first_build_asked_for_and_code_change_are_full_refreshes(con) -> None:
    con.execute("insert into raw.pending_issues values ('i1'), ('i2')")
    first = dbt_runner.plan(con, full_refresh_asked=False)
    assert (first.full_refresh, first.pending_issues) == (True, 2)
    assert "--full-refresh" in first.args()
    dbt_runner.record_success(con, first)
    assert con.execute("select count(*) from raw.pending_issues").fetchone() == (0,)
    con.execute("insert into raw.pending_issues values ('i3')")
    then = dbt_runner.plan(con, full_refresh_asked=False)
    assert (then.full_refresh, then.pending_issues) == (False, 1)
    assert "--full-refresh" not in then.args() and f"tag:{dbt_runner.FULL_BUILD_TAG}" in then.args()
    assert "config.materialized:view" in then.args()  # views change only with the code
    assert dbt_runner.plan(con, full_refresh_asked=True).full_refresh
    # rows built by other SQL must not stay: another code version means a full refresh
    con.execute("update raw.dbt_builds set code_version = 'older'")
    changed = dbt_runner.plan(con, full_refresh_asked=False)
    assert changed.full_refresh and "changed" in changed.reason


def test_code_version_is_stable_within_a_version_of_the_project() -> None:
    assert dbt_runner.code_version() == dbt_runner.code_version()
    assert len(dbt_runner.code_version()) == 16
