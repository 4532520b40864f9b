#!/usr/bin/env bash
# Compares okrctl validate with ajv-cli, a JSON Schema validator in Node.js,
# on the same generated repository of 10,000 objective files (target: okrctl
# at least 2.5x faster). Nothing is converted: ajv-cli reads the YAML files
# itself through its -d glob. It checks the objectives against
# schema/objective.json only (it cannot read the multi-document KPI file),
# while okrctl also reads the KPIs and snapshots and runs every rule, which
# only favours ajv-cli. ajv-cli reads unquoted dates as timestamps, so it
# reports the objectives invalid; it validates them all the same.
# Installs ajv-cli from npm when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-bench}
runs=${RUNS:-5}

if ! command -v ajv >/dev/null; then
  echo "installing ajv-cli…"
  npm install -g ajv-cli ajv-formats >/dev/null
fi

go build -trimpath -o bin/okrctl ./cmd/okrctl
[ -d "$out/repo10k" ] || go run ./internal/synth/gen -dir "$out/repo10k" -objectives 10000 -kpis 200 -rows 10000
schema=$PWD/schema/objective.json

# best prints the fastest wall time (seconds) of $runs runs of a command
# run in the repository.
best() {
  local best_t=999999 t tmp
  tmp=$(mktemp)
  for _ in $(seq "$runs"); do
    (cd "$out/repo10k" && /usr/bin/time -f '%e' -o "$tmp" "$@" >/dev/null 2>&1) || true
    t=$(tail -1 "$tmp")
    if awk -v a="$t" -v b="$best_t" 'BEGIN{exit !(a<b)}'; then best_t=$t; fi
  done
  rm -f "$tmp"
  echo "$best_t"
}

ot=$(best "$PWD/bin/okrctl" validate .)
echo "okrctl validate, 10,000 objectives:  ${ot}s"
at=$(best ajv validate --spec=draft2020 --strict=false --errors=no -s "$schema" -d 'okrs/**/*.yaml')
echo "ajv-cli validate, same files:        ${at}s"
awk -v o="$ot" -v a="$at" 'BEGIN{
  r = (o > 0) ? a / o : 999; printf "speed-up over ajv-cli: %.1fx (target >= 2.5x)\n", r
  exit !(r >= 2.5)
}'
