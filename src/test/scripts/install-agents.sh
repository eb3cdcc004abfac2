#!/usr/bin/env bash
# Installs the real command-line agents the intake tests drive, at the versions the pom pins, from
# the npm registry into a cache outside the repository, unless they are there already: Claude Code
# and Codex CLI (Codex's native binary comes in its platform package). Prints nothing on success;
# fails loudly, since nothing in the tests can stand in for the agents.
# Usage: install-agents.sh <cache dir> <claude code version> <codex version>
set -euo pipefail
CLAUDE_CODE="$2"
CODEX="$3"
dir="$1/claude-code-${CLAUDE_CODE}_codex-${CODEX}"
bin="$dir/node_modules/.bin"
if [ -x "$bin/claude" ] && [ -x "$bin/codex" ] \
    && "$bin/claude" --version 2>/dev/null | grep -q "^${CLAUDE_CODE} " \
    && "$bin/codex" --version 2>/dev/null | grep -q " ${CODEX}$"; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to install the agents the tests drive" >&2; exit 1; }
mkdir -p "$dir"
# Claude Code 2.1.332 declares node >= 22 but runs on the Node 20 these machines have; its
# postinstall only links a native build, which the cli wrapper does without it.
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    "@anthropic-ai/claude-code@${CLAUDE_CODE}" "@openai/codex@${CODEX}" >/dev/null
"$bin/claude" --version | grep -q "^${CLAUDE_CODE} "
"$bin/codex" --version | grep -q " ${CODEX}$"
