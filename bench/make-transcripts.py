#!/usr/bin/env python3
"""Writes a Claude Code configuration folder of generated transcripts, in the format Claude Code
2.1.332 writes (compact JSON, as ccusage expects it) (see the real agent's files in the real-agent tests): PROJECTS projects over DAYS
days, SESSIONS sessions, each request written as 2 or 3 lines (one per content block, the same
requestId and message.id), user and tool-result lines between, a subagent file for every fourth
session, and a repeated line now and then. Prints the unique requests and lines written.

    python3 bench/make-transcripts.py <folder> [sessions=200] [requests per session=333]

Also the generated set the test TranscriptsAgainstCcusageIT holds the sidecar against ccusage on.
"""
import json
import os
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

folder = sys.argv[1]
sessions = int(sys.argv[2]) if len(sys.argv) > 2 else 200
per_session = int(sys.argv[3]) if len(sys.argv) > 3 else 333
PROJECTS, DAYS = 8, 60
MODELS = ["claude-opus-5-5", "claude-sonnet-4-5", "claude-haiku-4-5"]
random.seed(7)
start = datetime(2026, 10, 1, tzinfo=timezone.utc)
filler = "x" * 180  # message text stands in for what a real line carries


def stamp(at):
    """As Claude Code writes times: UTC with milliseconds."""
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (at.microsecond // 1000)


def assistant(session, cwd, agent, request, message, model, at, usage, block):
    line = {"parentUuid": str(uuid.uuid4()), "isSidechain": agent is not None,
            "message": {"id": message, "type": "message", "role": "assistant", "model": model,
                        "content": [block], "stop_reason": "tool_use", "usage": usage},
            "requestId": request, "type": "assistant", "uuid": str(uuid.uuid4()),
            "timestamp": stamp(at), "cwd": cwd,
            "sessionId": session, "version": "2.1.332", "gitBranch": "main"}
    if agent:
        line["agentId"] = agent
    return json.dumps(line, separators=(",", ":"))


def user(session, cwd, at, text):
    return json.dumps({"type": "user", "message": {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "toolu_" + uuid.uuid4().hex, "content": text}]},
        "uuid": str(uuid.uuid4()), "timestamp": stamp(at),
        "cwd": cwd, "sessionId": session}, separators=(",", ":"))


def requests(out, session, cwd, agent, count, at, model):
    lines = unique = 0
    for _ in range(count):
        at += timedelta(seconds=random.randint(2, 40))
        cache_write = random.randint(0, 3000)
        one_hour = random.randint(0, cache_write)
        usage = {"input_tokens": random.randint(1, 50), "cache_creation_input_tokens": cache_write,
                 "cache_read_input_tokens": random.randint(0, 60000),
                 "output_tokens": random.randint(10, 2000),
                 "server_tool_use": {"web_search_requests": 0, "web_fetch_requests": 0},
                 "service_tier": "standard", "speed": "standard",
                 "cache_creation": {"ephemeral_1h_input_tokens": one_hour,
                                    "ephemeral_5m_input_tokens": cache_write - one_hour}}
        request, message = "req_" + uuid.uuid4().hex, "msg_" + uuid.uuid4().hex
        blocks = [{"type": "text", "text": filler},
                  {"type": "tool_use", "id": "toolu_" + uuid.uuid4().hex, "name": "Bash",
                   "input": {"command": "ls " + filler[:40]}}][: random.randint(1, 2)]
        if random.random() < 0.5:
            blocks.append({"type": "text", "text": filler})
        for block in blocks:
            out.write(assistant(session, cwd, agent, request, message, model, at, usage, block) + "\n")
            lines += 1
        if random.random() < 0.02:  # a line written twice
            out.write(assistant(session, cwd, agent, request, message, model, at, usage, blocks[0]) + "\n")
            lines += 1
        out.write(user(session, cwd, at, filler) + "\n")
        lines += 1
        unique += 1
    return lines, unique, at


total_lines = total_requests = 0
for s in range(sessions):
    project = s % PROJECTS
    cwd = "/home/agent/project-%d" % project  # as an agent pod names its working tree
    escaped = cwd.replace("/", "-")
    session = str(uuid.uuid4())
    at = start + timedelta(days=random.randint(0, DAYS - 1), hours=random.randint(0, 20))
    model = MODELS[s % len(MODELS)]
    base = os.path.join(folder, "projects", escaped)
    os.makedirs(base, exist_ok=True)
    main = per_session if s % 4 else per_session * 3 // 4
    with open(os.path.join(base, session + ".jsonl"), "w") as out:
        lines, unique, at = requests(out, session, cwd, None, main, at, model)
    total_lines += lines
    total_requests += unique
    if s % 4 == 0:
        agent = "a" + uuid.uuid4().hex[:16]
        sub = os.path.join(base, session, "subagents")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "agent-%s.meta.json" % agent), "w") as meta:
            json.dump({"agentType": "Explore", "model": model}, meta)
        with open(os.path.join(sub, "agent-%s.jsonl" % agent), "w") as out:
            lines, unique, _ = requests(out, session, cwd, agent, per_session - main, at, model)
        total_lines += lines
        total_requests += unique
print(json.dumps({"requests": total_requests, "lines": total_lines, "sessions": sessions}))
