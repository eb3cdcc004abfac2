#!/usr/bin/env node
// Marks the session sidecar's Codex hooks as trusted, the same way a person does in Codex's /hooks
// review: Codex 0.171 runs a hook only when config.toml holds its trusted hash, skips untrusted
// hooks without a word, and has no /hooks screen in a pod. This asks Codex itself (its app-server:
// hooks/list, then config/batchWrite of hooks.state) and trusts only the hooks whose command runs
// the sidecar's script (claude-code-hook.sh), so other hooks keep waiting for a person's review.
// Run it after every change of hooks.json (a change invalidates the trust), with the agent's
// environment: CODEX_HOME set, in the project's directory. Usage: node trust-hooks.mjs [codex]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const codex = process.argv[2] || "codex";
const server = spawn(codex, ["app-server"], { stdio: ["pipe", "pipe", "inherit"] });
const waiting = new Map();
let nextId = 1;

createInterface({ input: server.stdout }).on("line", (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return; // not a JSON-RPC message
  }
  const pending = waiting.get(message.id);
  if (pending) {
    waiting.delete(message.id);
    message.error ? pending.reject(new Error(JSON.stringify(message.error))) : pending.resolve(message.result);
  }
});

function call(method, params) {
  const id = nextId++;
  server.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

try {
  await call("initialize", { clientInfo: { name: "session-sidecar-trust-hooks", version: "1" } });
  server.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "initialized" }) + "\n");
  const listed = await call("hooks/list", { cwds: [process.cwd()] });
  const ours = listed.data.flatMap((entry) => entry.hooks).filter((hook) => /claude-code-hook\.sh/.test(hook.command || ""));
  const state = {};
  for (const hook of ours) {
    if (hook.trustStatus !== "trusted" && hook.trustStatus !== "managed") {
      state[hook.key] = { trusted_hash: hook.currentHash };
    }
  }
  if (Object.keys(state).length > 0) {
    await call("config/batchWrite", { edits: [{ keyPath: "hooks.state", mergeStrategy: "upsert", value: state }] });
  }
  console.log(`session-sidecar hooks: ${ours.length} found, ${Object.keys(state).length} newly trusted`);
  if (ours.length === 0) {
    console.error("no hook runs claude-code-hook.sh: is hooks.json in CODEX_HOME or the project's .codex/?");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`trusting the hooks failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  server.stdin.end();
  server.kill();
}
