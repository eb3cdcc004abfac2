#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/515) by running the packaged jar the way the JVM image does
# (deploy/k8s/overlays/jvm/jvm.options) through its start, TRAIN_SECONDS (default 30) of the load
# run's request mix and a look at the inspection page, then measures start-up with it through
# bench/startup.sh. What the training run exercises is what the cache has loaded, linked and
# profiled; ./mvnw verify on JDK 25 records the image's cache from the *IT suite instead. The
# yardstick (bench/reference) and its -Psurfaces build get their own caches the same way, so they
# compare with AOT too. JAVA must be a JDK 25 or later java; AOT_CACHE is where the cache goes
# (default target/trained.aot), REFERENCE_AOT_CACHE and SURFACES_AOT_CACHE the yardsticks'
# (target/reference.aot, target/surfaces.aot).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:?set JAVA to a JDK 25 or later java}
TRAIN_SECONDS=${TRAIN_SECONDS:-30}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
AOT_CACHE=${AOT_CACHE:-target/trained.aot}
REFERENCE_AOT_CACHE=${REFERENCE_AOT_CACHE:-target/reference.aot}
REFERENCE_JAR=bench/reference/target/quarkus-app/quarkus-run.jar
SURFACES_AOT_CACHE=${SURFACES_AOT_CACHE:-target/surfaces.aot}
SURFACES_JAR=bench/reference/target/surfaces/quarkus-app/quarkus-run.jar
MEASURE_OPTS=${JAVA_OPTS:-}   # the caller's options are for the measurement, not the training
JAR=target/quarkus-app/quarkus-run.jar
source bench/sidecar.sh
B="http://127.0.0.1:$API_PORT"

train() {   # jar, cache, the function that makes the training requests
  rm -f "$2"
  DATA_DIR=$(mktemp -d)/data
  JAR=$1 JAVA_OPTS="@deploy/k8s/overlays/jvm/jvm.options -XX:AOTCacheOutput=$2" start_sidecar
  "$3"
  stop_sidecar   # the JVM writes the cache as it exits
  ls -l "$2"
  rm -rf "$(dirname "$DATA_DIR")"
}

sidecar_requests() {   # the load run's mix, then the inspection page's views
  local session; session="train-$(date +%s)"
  curl -sf -XPOST "$B/v1/sessions" -H 'content-type: application/json' \
       -d "{\"session_id\":\"$session\",\"project_path\":\"/srv/train\"}" >/dev/null
  RATE=100 CONNECTIONS=4 SESSION=$session \
    wrk -t1 -c4 -d"${TRAIN_SECONDS}s" -s bench/mixed-load.lua "$B" \
    | grep -E 'Requests/sec|Non-2xx' || true
  for page in / /ui/usage /ui/sessions /ui/tasks /ui/insights /ui/recap; do
    curl -sf "$B$page" >/dev/null
  done
}

# The yardsticks are trained the same way on what they have, notes written and listed, so the
# AOT start-up is compared with what a bare application (and one with the design's other
# extensions, -Psurfaces) reaches with a cache of its own.
reference_requests() {
  for i in $(seq 1 200); do
    curl -sf -XPOST "$B/notes" -H 'content-type: application/json' -d "{\"text\":\"note $i\"}" \
      >/dev/null
    curl -sf "$B/notes" >/dev/null
  done
}

[ -f "$REFERENCE_JAR" ] || ./mvnw -B -q -f bench/reference/pom.xml package
[ -f "$SURFACES_JAR" ] || ./mvnw -B -q -f bench/reference/pom.xml package -Psurfaces
train "$JAR" "$AOT_CACHE" sidecar_requests
train "$REFERENCE_JAR" "$REFERENCE_AOT_CACHE" reference_requests
train "$SURFACES_JAR" "$SURFACES_AOT_CACHE" reference_requests
AOT_CACHE=$AOT_CACHE REFERENCE_AOT_CACHE=$REFERENCE_AOT_CACHE SURFACES_AOT_CACHE=$SURFACES_AOT_CACHE \
  JAVA=$JAVA JAVA_OPTS=$MEASURE_OPTS bash bench/startup.sh
