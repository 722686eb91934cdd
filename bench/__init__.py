"""MagSite's benchmark: `make bench` (python -m bench).

Builds a throwaway database (bench/bench.sqlite3, or a dedicated PostgreSQL database when
DATABASE_URL points at PostgreSQL), fills it fast with bulk inserts, and measures:

- SQL queries per page at a small and a large number of articles (they must be equal);
- the median warm server-side render time of each page, in process, page cache off;
- HTTP throughput and latency of the article page under gunicorn, driven by wrk, next to a bare
  Django view that returns the same bytes (page cache off and on);
- flag scanning throughput and the time to rescan every article.

Modules: data (the builder), pages (query counts and render times), http (gunicorn + wrk),
scanning, report (the table), settings/urls (what gunicorn serves). See bench/__main__.py.
"""

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DEFAULT_SQLITE = BENCH_DIR / "bench.sqlite3"
RESULTS_FILE = BENCH_DIR / "results.json"
LUA_SCRIPT = BENCH_DIR / "load.lua"
# Throwaway production-like settings: only ever used against the benchmark database on loopback.
BENCH_SECRET_KEY = "bench-throwaway-secret-key-not-for-any-real-site-0123456789"  # noqa: S105 - loopback only
