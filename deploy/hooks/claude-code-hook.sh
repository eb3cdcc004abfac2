#!/bin/sh
# Claude Code command hook: forwards the hook input (stdin) to the session sidecar and never
# gets in the agent's way. It prints the sidecar's decision when there is one (a used-up budget
# with action block denies the tool call or blocks the prompt), else nothing (a SessionStart
# hook's output would become context); it gives up after SIDECAR_HOOK_TIMEOUT seconds
# (default 2) and always exits 0, so a slow or stopped sidecar lets the agent go on (fails open).
# Settings: "command": "/path/to/claude-code-hook.sh" for each event; see deploy/hooks/README.md.
# Codex sends the same hook inputs: "/path/to/claude-code-hook.sh codex" (deploy/hooks/codex/).
agent="${1:-claude-code}"
url="${SIDECAR_URL:-http://127.0.0.1:8080}/v1/hooks/${agent}"
answer=$(curl --silent --fail --max-time "${SIDECAR_HOOK_TIMEOUT:-2}" \
     --header 'Content-Type: application/json' --data-binary @- "$url" 2>/dev/null) || answer=""
if [ -n "$answer" ] && [ "$answer" != "{}" ]; then
  printf '%s\n' "$answer"
fi
exit 0
