#!/usr/bin/env bash
# Installs the real command-line agents the intake tests drive, at the versions the pom pins, from
# the npm registry into a cache outside the repository, unless they are there already: Claude Code
# and Codex CLI (Codex's native binary comes in its platform package), and ccusage, the report tool
# the tests hold the sidecar's figures against (its platform package comes with it). Prints nothing
# on success; fails loudly, since nothing in the tests can stand in for them.
# Usage: install-agents.sh <cache dir> <claude code version> <codex version> <ccusage version>
set -euo pipefail
CLAUDE_CODE="$2"
CODEX="$3"
CCUSAGE="$4"
dir="$1/claude-code-${CLAUDE_CODE}_codex-${CODEX}_ccusage-${CCUSAGE}"
bin="$dir/node_modules/.bin"
if [ -x "$bin/claude" ] && [ -x "$bin/codex" ] && [ -x "$bin/ccusage" ] \
    && "$bin/claude" --version 2>/dev/null | grep -q "^${CLAUDE_CODE} " \
    && "$bin/codex" --version 2>/dev/null | grep -q " ${CODEX}$" \
    && "$bin/ccusage" --version 2>/dev/null | grep -q " ${CCUSAGE}$"; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to install the agents the tests drive" >&2; exit 1; }
mkdir -p "$dir"
# Claude Code 2.1.332 declares node >= 22 but runs on the Node 20 these machines have; its
# postinstall only links a native build, which the cli wrapper does without it.
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    "@anthropic-ai/claude-code@${CLAUDE_CODE}" "@openai/codex@${CODEX}" "ccusage@${CCUSAGE}" >/dev/null
"$bin/claude" --version | grep -q "^${CLAUDE_CODE} "
"$bin/codex" --version | grep -q " ${CODEX}$"
"$bin/ccusage" --version | grep -q " ${CCUSAGE}$"
