#!/usr/bin/env python3
"""Agents of a fleet, one per sidecar, each writing like a working agent: a burst at session start
(a prompt's first tool calls and usage records back to back), then a usage record or a tool call
every 0.2-0.6 s. Every write carries its own id. Prints one JSON line: writes sent, answered 2xx,
503 and other answers, latency p50/p99 of the 2xx, and, read from the database afterwards, how many
acknowledged writes are stored (each must be: zero lost).

  fleet-agents.py PORTS SECONDS PSQL...   PORTS: comma-separated API ports; PSQL: the psql command
                                          line for the fleet's database (queried after the run)
Used by bench/fleet-sim.sh.
"""
import json
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ports = [int(p) for p in sys.argv[1].split(",") if p]
seconds = float(sys.argv[2])
psql = sys.argv[3:]

lock = threading.Lock()
latencies = []
answers = {"2xx": 0, "503": 0, "other": 0}
acknowledged = {"usage": set(), "calls": set()}


def post(port, path, body):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def write(port, agent, n, kind):
    if kind == "usage":
        key = f"sim-{agent}-u{n}"
        body = {"request_id": key, "session_id": f"sim-{agent}", "provider": "anthropic",
                "model": "claude-sonnet-4-5", "role": "agent", "input_tokens": 12000,
                "cache_read_tokens": 9000, "output_tokens": 800, "latency_ms": 2300}
        path = "/v1/usage"
    else:
        key = f"sim-{agent}-c{n}"
        body = {"call_id": key, "tool": "Bash", "arguments": {"command": "make test"},
                "duration_ms": 5300}
        path = f"/v1/sessions/sim-{agent}/tool-calls"
    status, took = post(port, path, body)
    with lock:
        if 200 <= status < 300:
            answers["2xx"] += 1
            latencies.append(took)
            acknowledged[kind].add(key)
        elif status == 503:
            answers["503"] += 1
        else:
            answers["other"] += 1


def agent(index, port, deadline):
    while post(port, "/v1/sessions",
               {"session_id": f"sim-{index}", "project_path": f"/sim/{index}"})[0] >= 300:
        if time.monotonic() > deadline:
            return
        time.sleep(1)
    n = 0
    for _ in range(10):  # the burst of a prompt's start
        n += 1
        write(port, index, n, "calls" if n % 2 else "usage")
    while time.monotonic() < deadline:
        time.sleep(random.uniform(0.2, 0.6))
        n += 1
        write(port, index, n, "calls" if n % 2 else "usage")


def stored(sql):
    # The server may have no slot free for a moment (that is what is measured): try for 60 s.
    for _ in range(60):
        run = subprocess.run(psql + ["-c", sql], capture_output=True, text=True)
        if run.returncode == 0:
            return set(run.stdout.split())
        time.sleep(1)
    raise SystemExit("the database could not be read: " + run.stderr)


deadline = time.monotonic() + seconds
threads = [threading.Thread(target=agent, args=(i, p, deadline)) for i, p in enumerate(ports)]
for t in threads:
    t.start()
for t in threads:
    t.join()

usage = stored("SELECT request_id FROM usage_record WHERE request_id LIKE 'sim-%'")
calls = stored("SELECT call_id FROM tool_call WHERE call_id LIKE 'sim-%'")
lost = len(acknowledged["usage"] - usage) + len(acknowledged["calls"] - calls)
latencies.sort()


def quantile(q):
    return round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) \
        if latencies else None


print(json.dumps({
    "sidecars": len(ports), "seconds": seconds, "sent": sum(answers.values()),
    "acknowledged": answers["2xx"], "unavailable_503": answers["503"], "other": answers["other"],
    "p50_ms": quantile(0.50), "p99_ms": quantile(0.99),
    "writes_per_second": round(answers["2xx"] / seconds, 1), "lost": lost,
}))
