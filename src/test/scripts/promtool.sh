#!/usr/bin/env bash
# Runs promtool with the given arguments. It comes from Debian's prometheus package, installed
# here when missing; only the tool is used, so a server the package may have started is stopped.
# Exits 77 when promtool cannot be had (the tests then skip with a message).
set -uo pipefail
if ! command -v promtool >/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq prometheus; } \
    >/dev/null 2>&1
  $sudo systemctl stop prometheus >/dev/null 2>&1 || $sudo service prometheus stop >/dev/null 2>&1 || true
fi
if ! command -v promtool >/dev/null; then
  echo "promtool is not installed and could not be installed (Debian package prometheus)" >&2
  exit 77
fi
exec promtool "$@"
