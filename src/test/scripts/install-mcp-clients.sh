#!/usr/bin/env bash
# Installs the MCP clients the MCP tests drive, at the versions the pom pins, from the npm registry
# into a folder outside the repository, unless they are there already: the official TypeScript
# SDK (its 1.x package and the 2.x client, which speaks revision 2026-07-28) and MCP Inspector,
# whose CLI mode lists and calls tools. Prints nothing on success; fails loudly, since nothing in
# the tests can stand in for these clients.
# Usage: install-mcp-clients.sh <dir> <sdk version> <client version> <inspector version>
set -euo pipefail
dir="$1"
SDK="$2"
CLIENT="$3"
INSPECTOR="$4"
installed() {
  node -e "process.exit(require('$dir/node_modules/$1/package.json').version === '$2' ? 0 : 1)" \
    2>/dev/null
}
if installed @modelcontextprotocol/sdk "$SDK" && installed @modelcontextprotocol/client "$CLIENT" \
    && installed @modelcontextprotocol/inspector "$INSPECTOR"; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to install the MCP clients the tests drive" >&2; exit 1; }
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/sdk@${SDK}" "@modelcontextprotocol/client@${CLIENT}" \
    "@modelcontextprotocol/inspector@${INSPECTOR}" >/dev/null
installed @modelcontextprotocol/sdk "$SDK"
installed @modelcontextprotocol/client "$CLIENT"
installed @modelcontextprotocol/inspector "$INSPECTOR"
