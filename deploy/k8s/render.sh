#!/usr/bin/env bash
# Renders a kustomization (default: the base) to stdout with kubectl's built-in kustomize,
# installing kubectl from the distribution's packages when it is missing.
set -euo pipefail
dir=${1:-"$(dirname "$0")/base"}
if ! command -v kubectl >/dev/null; then
  apt-get update -qq >/dev/null && { apt-get install -y -qq kubectl >/dev/null 2>&1 \
    || apt-get install -y -qq kubernetes-client >/dev/null; }
fi
kubectl kustomize "$dir"
