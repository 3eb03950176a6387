"""--engine dask: the same store as a local build, with workers writing N-Quads shards."""
from __future__ import annotations

import pytest

from builder.build import build

distributed = pytest.importorskip(
    "distributed", reason="the dask engine needs the optional extra: pip install -e '.[dask]'"
)


@pytest.fixture(scope="module")
def client():
    # Threads in this process: no worker processes to start, and they share its loaded models.
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_build_equals_local_build(tmp_path, client, corpus, quads):
    src = corpus(tmp_path / "in")
    (src / "empty.txt").write_bytes(b"")
    local = build([str(src)], tmp_path / "local")
    shards = tmp_path / "shards"
    dask = build([str(src)], tmp_path / "dask", engine="dask", scheduler=client, shards=shards)
    assert (dask.articles, dask.problems) == (local.articles, local.problems) == (5, local.problems)
    assert quads(tmp_path / "dask") == quads(tmp_path / "local")
    assert list(shards.iterdir()) == []  # every shard was loaded and removed

    # by scheduler address, results sent back instead of shards; incremental as usual
    with open(src / "t07_tasnim_kermanshah.txt", "a", encoding="utf-8") as f:
        f.write("\n\nمدیرکل بهزیستی استان گفت: ۴۵ کودک دیگر نیز پذیرش می‌شوند.\n")
    again = build([str(src)], tmp_path / "dask", engine="dask", scheduler=client.scheduler.address)
    assert (again.articles, again.unchanged, again.extracted) == (1, 4, 1)
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "dask") == quads(tmp_path / "clean")
