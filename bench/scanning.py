"""Flag scanning throughput (one core, every rule on) and the time to rescan every article."""

import io
import time

from django.core.management import call_command

from articles.models import Article


def scan_throughput(*, sample=40, min_seconds=3.0):
    """MB of article text scanned per second by the pure engine, all rules enabled, one thread.

    Inputs (reference data, term lists, each article's sources) are read before the clock starts,
    as `rescan` does; the scan itself touches no database. Returns a dict of figures.
    """
    from moderation import RULES, scan_html
    from review.services import _source_infos, load_engine_inputs

    reference, config, _ = load_engine_inputs()
    every_rule = {rule.code: (True, None) for rule in RULES}
    articles = list(Article.objects.order_by("pk")[:sample])
    inputs = [(article.body, _source_infos(article)) for article in articles]
    text_bytes = sum(len(article.body_text.encode()) for article in articles)
    html_bytes = sum(len(body.encode()) for body, _ in inputs)
    rounds, flags = 0, 0
    started, started_cpu = time.perf_counter(), time.thread_time()
    while True:
        for body, sources in inputs:
            result = scan_html(body, reference=reference, config=config, sources=sources, overrides=every_rule)
            flags += len(result.flags)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            break
    cpu = time.thread_time() - started_cpu
    scanned = rounds * len(articles)
    return {
        "articles": len(articles), "rounds": rounds, "seconds": elapsed, "cpu_seconds": cpu, "rules": len(every_rule),
        # Wall time counts moments the OS gave the core to other processes; CPU time is this thread's.
        "text_mb_per_s": text_bytes * rounds / elapsed / 1e6, "text_mb_per_cpu_s": text_bytes * rounds / cpu / 1e6,
        "html_mb_per_s": html_bytes * rounds / elapsed / 1e6, "text_kb_per_article": text_bytes / len(articles) / 1e3,
        "ms_per_article": elapsed * 1000 / scanned, "cpu_ms_per_article": cpu * 1000 / scanned,
        "flags_per_article": flags / scanned,
    }


def rescan_all():
    """Wall time of `manage.py rescan --all` (engine + reconciling flags and claims in the database)."""
    total = Article.objects.count()
    started = time.perf_counter()
    call_command("rescan", "--all", stdout=io.StringIO())
    elapsed = time.perf_counter() - started
    return {"articles": total, "seconds": elapsed, "articles_per_s": total / elapsed if elapsed else 0.0}
