"""Progress reporting: stages report, a listener hears them; the terminal bars say done / total."""
import io

from orchestration import progress


def test_listeners_hear_every_step_and_only_while_listening() -> None:
    heard: list[tuple[str, int, int]] = []
    with progress.listening(lambda *step: heard.append(step)):
        progress.advance("articles", 1, 3)
    progress.advance("articles", 2, 3)  # nobody listens any more
    assert heard == [("articles", 1, 3)]


def test_counted_passes_items_through_and_ends_at_the_true_count() -> None:
    heard: list[tuple[str, int, int]] = []
    with progress.listening(lambda *step: heard.append(step)):
        items = list(progress.counted(iter("abcde"), "dbt", total=3))  # an estimate that was short
    assert items == list("abcde")
    assert heard[0] == ("dbt", 0, 3) and heard[-1] == ("dbt", 5, 5)
    assert all(done <= total for _, done, total in heard)


def test_terminal_bars_show_files_done_of_total_per_stage() -> None:
    out = io.StringIO()
    bars = progress.TerminalBars(out)
    with progress.listening(bars):
        for n in range(4):
            progress.advance("documents", n, 3)
        progress.advance("load", 1, 1)
    bars.close()
    text = out.getvalue()
    assert "documents" in text and "3/3" in text and "file/s" in text
    assert "load" in text and "1/1" in text
