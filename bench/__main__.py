"""`python -m bench` (make bench): build a benchmark database and measure the site.

    make bench                                              # N=1000, 10 s per HTTP run
    make bench BENCH_ARGS="--articles 200 --duration 5"    # a quick run
    make bench BENCH_ARGS="--articles 200 --profile 'article page'"   # where one page spends its time
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/magsite make bench   # on PostgreSQL (magsite_bench)
    python -m bench --build-only --articles 30 --database sqlite:////tmp/x.sqlite3   # seed a DB only

The database is bench/bench.sqlite3 (git-ignored), or, when DATABASE_URL points at PostgreSQL,
a dedicated database on that server (magsite_bench, dropped at the end unless --keep-db): the
benchmark never writes to the database DATABASE_URL names. Results go to stdout and to
bench/results.json.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import DEFAULT_SQLITE, RESULTS_FILE


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the large database (default 1000)")
    parser.add_argument("--small", type=int, default=10, help="articles in the small database (default 10)")
    parser.add_argument("--words", type=int, default=2000, help="words per article body (default 2000)")
    parser.add_argument("--citations", type=int, default=20)
    parser.add_argument("--tags", type=int, default=8)
    parser.add_argument("--claims", type=int, default=15)
    parser.add_argument("--flags", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10, help="seconds of HTTP load per view and cache mode, "
                                                                "split into --rounds runs (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="HTTP connections (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="HTTP runs per view and cache mode, alternating "
                                                              "bare and article (default 5)")
    parser.add_argument("--iterations", type=int, default=60, help="timed renders per page (default 60)")
    parser.add_argument("--database", help="database URL to (re)create and use (default: bench/bench.sqlite3, or "
                                           "magsite_bench on the PostgreSQL server of DATABASE_URL); its name must "
                                           "contain 'bench', or the SQLite file must not exist yet")
    parser.add_argument("--pg-name", default="magsite_bench", help="PostgreSQL database name (default magsite_bench)")
    parser.add_argument("--keep-db", action="store_true", help="keep the PostgreSQL benchmark database")
    parser.add_argument("--build-only", action="store_true", help="create the database with --articles, then stop")
    parser.add_argument("--profile", metavar="PAGE", help="build, then profile one page of the table (e.g. "
                                                           "\"article page\") and stop")
    parser.add_argument("--skip-build", action="store_true", help="measure the database a previous run built "
                                                                  "(kept with --keep-db on PostgreSQL); no query counts")
    parser.add_argument("--skip-queries", action="store_true", help="build the large database at once; no query counts")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-render", action="store_true")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--json", type=Path, default=RESULTS_FILE, help="where to write the results")
    return parser.parse_args(argv)


# The database: chosen and created before Django is set up.

def database_url(args):
    if args.database:
        return args.database
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith(("postgres://", "postgresql://", "pgsql://")):
        parts = urlsplit(given)
        return urlunsplit(parts._replace(path="/" + args.pg_name))
    return f"sqlite:///{DEFAULT_SQLITE}"


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def _pg_admin(url):
    """A psycopg autocommit connection to the server's maintenance database, and the bench DB name."""
    import psycopg

    parts = urlsplit(url.replace("pgsql://", "postgresql://", 1).replace("postgres://", "postgresql://", 1))
    name = parts.path.lstrip("/")
    conninfo = urlunsplit(parts._replace(path="/postgres"))
    return psycopg.connect(conninfo, autocommit=True), name


def drop_database(url):
    if is_postgres(url):
        from psycopg import sql

        conn, name = _pg_admin(url)
        with conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        return
    path = Path(urlsplit(url).path[1:])  # sqlite:////abs/file or sqlite:///relative/file
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def check_disposable(url):
    """The benchmark deletes and recreates its database: refuse anything that looks like a real one."""
    if is_postgres(url):
        name = urlsplit(url).path.lstrip("/")
        if "bench" not in name:
            raise SystemExit(f"Refusing to drop and recreate PostgreSQL database {name!r}: the benchmark only "
                             f"uses databases with 'bench' in their name (default magsite_bench).")
        return
    path = Path(urlsplit(url).path[1:])
    if path.exists() and "bench" not in path.name:
        raise SystemExit(f"Refusing to delete {path}: the benchmark only replaces files with 'bench' in their name "
                         f"(default bench/bench.sqlite3) or files that do not exist yet.")


def create_database(url):
    check_disposable(url)
    drop_database(url)
    if is_postgres(url):
        from psycopg import sql

        conn, name = _pg_admin(url)
        with conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url):
    os.environ["BENCH_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def say(message):
    print(message, flush=True)


class Clock:
    def __init__(self):
        self.started = time.perf_counter()

    def __str__(self):
        return f"[{time.perf_counter() - self.started:6.1f}s]"


def main(argv=None):
    args = parse_args(argv)
    url = database_url(args)
    clock = Clock()
    say(f"{clock} database: {url}")
    if not args.skip_build:
        create_database(url)
    setup_django(url)

    from django.core.management import call_command
    from django.db import connections

    from bench import data

    call_command("migrate", verbosity=0, interactive=False)  # with --skip-build: apps added since
    shape = {"words": args.words, "citations": args.citations, "tags": args.tags, "claims": args.claims,
             "flags": args.flags}
    if args.build_only or args.profile:
        info = data.build(articles=args.articles, **shape)
        say(f"{clock} built {args.articles} articles")
        if args.profile:
            from bench.pages import profile_page

            print(profile_page(info, args.profile), flush=True)
        connections.close_all()
        if is_postgres(url) and not args.keep_db and not args.database:
            drop_database(url)
        return 0

    results = {"meta": collect_meta(args, url)}
    try:
        run(args, url, results, shape, clock)
    finally:
        connections.close_all()
        if is_postgres(url) and not args.keep_db and not args.database:
            drop_database(url)
    from bench.report import render

    results["meta"]["loadavg_end"] = os.getloadavg()
    results["meta"]["seconds"] = round(time.perf_counter() - clock.started, 1)
    text = render(results)
    print("\n" + text, flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    say(f"results written to {args.json}")
    return 0


def collect_meta(args, url):
    import django
    from django.conf import settings

    return {
        "articles": args.articles, "small": args.small, "words": args.words, "citations": args.citations,
        "tags": args.tags, "claims": args.claims, "flags": args.flags,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "database_url": url, "cache_url": os.environ.get("CACHE_URL", "") or "locmem://",
        "python": platform.python_version(), "django": django.get_version(), "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "loadavg_start": os.getloadavg(),
    }


def run(args, url, results, shape, clock):
    from bench import data, pages

    timings = {}
    if args.skip_build:
        info = data.info()
        results["meta"]["articles"] = data.article_count()
        say(f"{clock} using the existing {results['meta']['articles']} articles")
    elif args.skip_queries:
        info = data.build(articles=args.articles, **shape)
        say(f"{clock} built {args.articles} articles")
    else:
        small = max(1, min(args.small, args.articles - 1)) if args.articles > 1 else 1
        say(f"{clock} building {small} articles")
        info = data.build(articles=small, **shape)
        small_counts = pages.query_counts(info)
        say(f"{clock} queries counted at N={small}; building {args.articles - small} more")
        data.build(articles=args.articles - small, **shape)
        say(f"{clock} built {args.articles} articles")
        # This process has served every page once already: no warm-up requests at the large size.
        large_counts = pages.query_counts(info, warm=False, timings=timings)
        results["queries"] = {
            "small_articles": small, "large_articles": args.articles,
            "pages": {name: {"small": small_counts[name], "large": large_counts[name]} for name in small_counts},
        }
        say(f"{clock} queries counted at N={args.articles}")

    if not args.skip_render:
        results["render_ms"] = pages.render_times(info, iterations=args.iterations, known=timings)
        say(f"{clock} render times measured")

    if is_postgres(url):
        from bench.explain import search_plans

        results["search_explain"] = search_plans()
        say(f"{clock} search plans explained (without and with a GIN index)")

    if not args.skip_http:
        from bench.httpload import WRK

        workdir = Path(tempfile.mkdtemp(prefix="magsite-bench-"))
        bare_file = workdir / "article.html"
        bare_file.write_bytes(pages.article_bytes(info))
        results["http"] = run_http(args, url, info, bare_file, workdir, clock)
        results["http"]["tool"] = "wrk" if WRK else "python client"

    if not args.skip_scan:
        from bench import scanning

        results["scan"] = scanning.scan_throughput()
        say(f"{clock} scan throughput measured")
        results["rescan"] = scanning.rescan_all()
        say(f"{clock} rescan --all timed")


def run_http(args, url, info, bare_file, workdir, clock):
    from django.db import connections
    from django.urls import reverse

    from bench.httpload import fetch, gunicorn, load

    connections.close_all()  # SQLite: nothing of ours holds the file while gunicorn reads it
    article_path = reverse("articles:article_detail", args=[info.article_slug])
    paths = {"bare": "/__bench__/bare/", "article": article_path, "plain": f"/__bench__/plain/{info.article_slug}/"}
    expected = bare_file.read_bytes()
    out = {"connections": args.connections, "duration": args.duration, "workers": args.workers, "rounds": args.rounds,
           "article_path": article_path, "article_bytes": len(expected)}
    cache_on = os.environ.get("CACHE_URL") or "locmem://"
    for mode, cache_url in (("off", "dummy://"), ("on", cache_on)):
        log_path = workdir / f"gunicorn-cache-{mode}.log"
        # The plain yardstick is never cached: it runs once, beside the uncached article page.
        views = ("bare", "article", "plain") if mode == "off" else ("bare", "article")
        with gunicorn(database_url=url, cache_url=cache_url, log_path=log_path, bare_file=bare_file,
                      workers=args.workers) as server:
            for which in views:
                status, _, body = fetch(server.base + paths[which])
                if status != 200:
                    raise RuntimeError(f"{paths[which]} answered {status} under gunicorn:\n{server.log()[-2000:]}")
                if which == "bare" and body != expected:
                    raise RuntimeError("the bare view does not serve the article page's bytes")
            # Warm both workers (and, cache on, fill each worker's cache) before measuring.
            for which in views:
                load(server.base, paths[which], duration=min(2, args.duration), connections=args.connections)
            if mode == "on":
                _, headers, _ = fetch(server.base + article_path)
                if headers.get("X-MagSite-Cache") != "hit":
                    raise RuntimeError("cache on, but the article page was not served from the cache")
            runs = {which: [] for which in views}
            seconds = max(1, round(args.duration / args.rounds))
            for round_no in range(args.rounds):
                # Short runs, alternating the order: the machine's load drifts, and a ratio taken
                # from adjacent runs is far steadier than one from runs a minute apart.
                for which in views if round_no % 2 == 0 else tuple(reversed(views)):
                    runs[which].append(load(server.base, paths[which], duration=seconds,
                                            connections=args.connections).as_dict())
            out[mode] = {"cache_url": cache_url, "runs": runs, "log_errors": server.log_errors()}
            for which in views:
                out[mode][which] = combine(runs[which])
                if which != "bare":
                    ratios = [r["rps"] / b["rps"] for r, b in zip(runs[which], runs["bare"], strict=True) if b["rps"]]
                    key = "ratio" if which == "article" else f"{which}_ratio"
                    out[mode][key] = statistics.median(ratios) if ratios else 0.0
                    out[mode][f"{which}_ratios"] = ratios
        say(f"{clock} HTTP cache {mode}: article {out[mode]['article']['rps']:.0f} req/s, "
            f"bare {out[mode]['bare']['rps']:.0f} req/s ({out[mode]['ratio']:.0%})")
    return out


def combine(runs):
    """One figure per view from several runs: medians of rate and latencies, sums of counts."""
    return {
        "rps": statistics.median(r["rps"] for r in runs),
        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
        "p99_ms": statistics.median(r["p99_ms"] for r in runs),
        "requests": sum(r["requests"] for r in runs),
        "non_2xx": sum(r["non_2xx"] for r in runs),
        "socket_errors": sum(r["socket_errors"] for r in runs),
        "rounds": len(runs),
    }


if __name__ == "__main__":
    sys.exit(main())
