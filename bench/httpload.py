"""HTTP load on loopback: gunicorn serving bench.settings, driven by wrk (or a bounded Python client).

Used by the benchmark (article page next to the bare view) and by tests/perf/test_load.py.
Only processes started here are ever stopped, by their own handle.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import LUA_SCRIPT, REPO_DIR

ERROR_MARKERS = ("Traceback", "ERROR", "CRITICAL")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_errors(self):
        return [line for line in self.log().splitlines() if any(marker in line for marker in ERROR_MARKERS)]


def server_env(*, database_url, cache_url, bare_file=None, extra=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_DATABASE_URL": database_url,
           "CACHE_URL": cache_url, "PYTHONPATH": str(REPO_DIR)}
    if bare_file:
        env["BENCH_BARE_FILE"] = str(bare_file)
    env.update(extra or {})
    return env


@contextmanager
def gunicorn(*, database_url, cache_url, log_path, bare_file=None, workers=2, port=None, extra_env=None):
    """Run gunicorn (sync workers, as in production) on 127.0.0.1 until the block ends."""
    port = port or free_port()
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
            [sys.executable, "-m", "gunicorn", "magsite.wsgi:application", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--chdir", str(REPO_DIR), "--log-level", "info",
             "--error-logfile", "-", "--timeout", "60", "--backlog", "2048"],
            cwd=REPO_DIR, env=server_env(database_url=database_url, cache_url=cache_url, bare_file=bare_file,
                                         extra=extra_env),
            stdout=log, stderr=subprocess.STDOUT,
        )
    server = Server(process, port, log_path)
    try:
        wait_ready(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def fetch(url, *, timeout=10):
    """(status, headers, body) of one GET; never raises on an HTTP error status."""
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, _, port = host.partition(":")
    conn = http.client.HTTPConnection(hostname, int(port or 80), timeout=timeout)
    try:
        conn.request("GET", "/" + rest)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_ready(server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.process.returncode}):\n{server.log()[-3000:]}")
        try:
            status, _, _ = fetch(server.base + "/healthz", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz within {timeout}s:\n{server.log()[-3000:]}")


@dataclass
class LoadResult:
    url: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    statuses: dict = field(default_factory=dict)
    tool: str = "wrk"

    def as_dict(self):
        return dict(self.__dict__)


WRK = shutil.which("wrk")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def parse_wrk(output, url):
    """Requests/sec, p50/p99 (needs --latency), error and status counts from wrk's report.

    With bench/load.lua the status of every response is counted exactly (STATUS lines); without
    it, wrk's own "Non-2xx or 3xx responses" line is used.
    """
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    requests, seconds = int(total.group(1)), _ms(total.group(2) + total.group(3)) / 1000
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)",
                                                   (re.search(r"Socket errors:(.*)", output) or [None, ""])[1]))
    statuses = {int(code): int(n) for code, n in re.findall(r"^STATUS (\d+) (\d+)$", output, re.M)}
    if statuses:
        non_2xx = sum(n for code, n in statuses.items() if not 200 <= code < 300)
    else:
        match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        non_2xx = int(match.group(1)) if match else 0
    return LoadResult(url=url, requests=requests, seconds=seconds, rps=rps,
                      p50_ms=_ms(p50.group(1)) if p50 else float("nan"),
                      p99_ms=_ms(p99.group(1)) if p99 else float("nan"),
                      non_2xx=non_2xx, socket_errors=socket_errors, statuses=statuses)


def run_wrk(url, *, duration, connections, threads=2, paths=None, count_statuses=False):
    """Drive `url` with wrk; `paths` (with the Lua script) cycles requests across several paths."""
    args = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    env = dict(os.environ)
    if paths or count_statuses:
        args += ["-s", str(LUA_SCRIPT)]
        env["BENCH_PATHS"] = "\n".join(paths or [])
    completed = subprocess.run(args + [url], capture_output=True, text=True, env=env,  # noqa: S603
                               timeout=duration + 60, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr or completed.stdout}")
    return parse_wrk(completed.stdout, url), completed.stdout


def run_python_client(base, paths, *, duration, connections):
    """A bounded fallback for machines without wrk: `connections` keep-alive clients in threads."""
    latencies, statuses, errors = [], {}, [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration
    hostport = base.removeprefix("http://")

    def worker(offset):
        conn, n, local, local_status, local_errors = None, offset, [], {}, 0
        while time.monotonic() < stop:
            path = paths[n % len(paths)]
            n += 1
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(hostport, timeout=10)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                local.append((time.perf_counter() - started) * 1000)
                local_status[response.status] = local_status.get(response.status, 0) + 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                local_errors += 1
                if conn is not None:
                    conn.close()
                conn = None
        with lock:
            latencies.extend(local)
            for code, count in local_status.items():
                statuses[code] = statuses.get(code, 0) + count
            errors[0] += local_errors

    started = time.monotonic()
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")

    return LoadResult(url=base + paths[0], requests=len(latencies), seconds=elapsed,
                      rps=len(latencies) / elapsed if elapsed else 0.0, p50_ms=statistics.median(latencies)
                      if latencies else float("nan"), p99_ms=pct(0.99),
                      non_2xx=sum(n for code, n in statuses.items() if not 200 <= code < 300),
                      socket_errors=errors[0], statuses=statuses, tool="python")


def load(base, path, *, duration, connections, paths=None, count_statuses=False):
    """wrk when installed, else the Python client."""
    if WRK:
        result, _ = run_wrk(base + path, duration=duration, connections=connections, paths=paths,
                            count_statuses=count_statuses)
        return result
    return run_python_client(base, paths or [path], duration=duration, connections=connections)
