"""The worker pool (analyzer.parallel) and that results do not depend on --jobs."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer import parallel
from analyzer.cli import cli
from analyzer.parallel import chunks, collector_paused, parallel_map, worker_count

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "joint-patrol"
FIXTURES = ROOT / "tests" / "fixtures"

_warmed: list[int] = []


def _scaled(factor: int, item: int) -> int:
    return factor * item


def _fails_on_seven(factor: int, item: int) -> int:
    if item == 7:
        raise ValueError("seven is refused")
    return item


def _warm(factor: int) -> None:
    _warmed.append(factor)


def _times_warmed(factor: int, item: int) -> tuple[int, int]:
    return os.getpid(), len(_warmed)


def test_results_come_back_in_item_order_from_several_workers() -> None:
    items = list(range(103))
    assert parallel_map(_scaled, items, 3, jobs=2, min_items=1) == [3 * i for i in items]


def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="seven is refused"):
        parallel_map(_fails_on_seven, list(range(20)), 1, jobs=2, min_items=1)


def test_warm_runs_once_in_each_worker_before_its_items() -> None:
    found = parallel_map(_times_warmed, list(range(40)), 5, jobs=2, warm=_warm, min_items=1)
    assert {count for _, count in found} == {len(_warmed) + 1}
    assert os.getpid() not in {pid for pid, _ in found}


def test_small_inputs_and_one_job_stay_in_this_process() -> None:
    assert worker_count(None, parallel.MIN_ITEMS - 1) == 0
    assert worker_count(1, 10_000) == 0
    assert worker_count(2, 10_000) == 2
    assert worker_count(8, 3, min_items=1) == 3
    pids = parallel_map(_times_warmed, [1, 2, 3], 0, jobs=2)
    assert {pid for pid, _ in pids} == {os.getpid()}


def test_chunks_are_contiguous_near_equal_and_cover_every_item() -> None:
    parts = chunks(list(range(10)), 4)
    assert [len(p) for p in parts] == [3, 3, 2, 2]
    assert [i for p in parts for i in p] == list(range(10))
    assert chunks([1, 2], 5) == [[1], [2]]


def _analyse(args: list[str], out: Path, jobs: int) -> str:
    target = out / f"result-{jobs}.json"
    result = CliRunner().invoke(cli, ["analyse", *args, "--news", str(SAMPLE / "news"),
                                      "--format", "json", "-q", "-o", str(target),
                                      "--jobs", str(jobs)])
    assert result.exit_code == 0, result.output
    return target.read_text("utf-8")


@pytest.mark.parametrize("thread", [SAMPLE, FIXTURES / "jsonl" / "thread.jsonl",
                                    FIXTURES / "xenforo2",
                                    FIXTURES / "plaintext" / "reddit-copy.txt"],
                         ids=["sample", "jsonl", "xenforo2", "plaintext"])
def test_analysis_json_is_the_same_with_one_job_and_with_two(
        thread: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # even a small thread goes to workers
    one, two = _analyse([str(thread)], tmp_path, 1), _analyse([str(thread)], tmp_path, 2)
    assert one == two
    assert json.loads(one)["posts"]


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "--jobs", "0",
                                      "-o", str(tmp_path / "r.json"), "--format", "json"])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.output


def _total(numbers: list[int]) -> int:
    return sum(numbers)


def test_start_call_runs_beside_this_process_and_gives_its_result() -> None:
    with parallel.start_call(_total, [1, 2, 3], jobs=2, size=parallel.MIN_ITEMS) as pending:
        assert pending.result() == 6
    with parallel.start_call(_total, [4], jobs=2, size=1) as pending:  # small: in-process
        assert pending.result() == 4


def test_leaving_a_failed_block_stops_the_workers_without_waiting_for_them() -> None:
    with (pytest.raises(RuntimeError, match="caller failed"),
          parallel.start_map(_scaled, list(range(1000)), 2, jobs=2, min_items=1)):
        raise RuntimeError("caller failed")


def test_workers_started_by_spawn_give_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setattr(parallel, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    items = list(range(30))
    assert parallel_map(_scaled, items, 2, jobs=2, min_items=1) == [2 * i for i in items]
    with parallel.start_call(_total, [5, 6], jobs=2, size=parallel.MIN_ITEMS) as pending:
        assert pending.result() == 11


def _map_inside(item: int) -> tuple[list[int], set[int]]:
    found = parallel_map(_times_warmed, [item, item + 1], 0, jobs=2, min_items=1)
    return [item, item + 1], {pid for pid, _ in found} - {os.getpid()}


def test_a_map_inside_a_daemonic_pool_worker_runs_in_that_worker() -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:  # its workers are daemons
        items, elsewhere = pool.apply(_map_inside, (3,))
    assert items == [3, 4]
    assert elsewhere == set()


def _collector_on(_: None, item: int) -> bool:
    return gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_per_item_work_runs_with_the_collector_paused_and_leaves_it_as_it_was(
        enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert parallel_map(_collector_on, [1, 2, 3], None, jobs=1) == [False] * 3
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_collector_paused_restores_the_collector_when_the_block_raises() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(ZeroDivisionError), collector_paused():
            assert not gc.isenabled()
            _ = 1 / 0
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def _niceness_after_warm(_: None) -> tuple[int, int]:
    from analyzer.pipeline import _warm_scorer
    from analyzer.settings import default_settings

    before = os.nice(0)
    _warm_scorer(default_settings())
    return before, os.nice(0)


def test_stance_workers_yield_a_little_to_the_framing_process() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        before, after = pool.submit(_niceness_after_warm, None).result()
    assert after == min(before + 1, 19)
