"""A bounded load test: gunicorn on loopback, the article page, the home page and search.

Seeds its own SQLite file (not the pytest database) with the benchmark's builder, starts gunicorn
(2 sync workers, DEBUG off, page cache off so every request renders) and drives it with wrk (or
the benchmark's Python client when wrk is absent) for MAGSITE_LOAD_SECONDS seconds (default 10;
`MAGSITE_LOAD_SECONDS=60 make test` for the full run) at 64 connections. Every response must be a
2xx and gunicorn's log must hold no traceback or error.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from bench.httpload import WRK, gunicorn, load

REPO = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("MAGSITE_LOAD_SECONDS", "10"))
CONNECTIONS = 64
ODD_QUERY = quote(('"magnesium" 100%_ \\ <script>alert(1)</script> ' * 20)[:900])


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("load") / "load.sqlite3"
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    subprocess.run([sys.executable, "-m", "bench", "--build-only", "--articles", "40", "--words", "800",
                    "--database", f"sqlite:///{path}"], cwd=REPO, env=env, check=True, capture_output=True,
                   timeout=300)
    return f"sqlite:///{path}"


@pytest.mark.slow
def test_article_home_and_search_answer_2xx_under_load(seeded_db, tmp_path):
    paths = ["/articles/bench-article-1/", "/", "/search/?q=magnesium+sleep", "/articles/bench-article-7/",
             f"/search/?q={ODD_QUERY}"]
    log = tmp_path / "gunicorn.log"
    # Every client here is 127.0.0.1: the per-address search limit would answer 429s by design.
    with gunicorn(database_url=seeded_db, cache_url="dummy://", log_path=log, workers=2,
                  extra_env={"MAGSITE_SEARCH_RATE": "1000000/s"}) as server:
        result = load(server.base, paths[0], duration=SECONDS, connections=CONNECTIONS, paths=paths,
                      count_statuses=True)
        errors = server.log_errors()
    assert result.requests > 0
    if WRK:
        assert sum(result.statuses.values()) >= result.requests * 0.99, "statuses not counted by the Lua script"
    assert result.non_2xx == 0, f"non-2xx responses: {result.statuses}"
    assert result.socket_errors == 0, f"{result.socket_errors} socket errors (connect/read/write/timeout)"
    assert not errors, "\n".join(errors[:20])
    print(f"\n{result.tool}: {result.requests} requests in {result.seconds:.0f} s, {result.rps:.0f} req/s, "
          f"p50 {result.p50_ms:.0f} ms, p99 {result.p99_ms:.0f} ms, statuses {result.statuses}")
