#!/usr/bin/env bash
# fuzz.sh PACKAGE TARGET DURATION runs one fuzz target for a while.
#
# Go before 1.27 can end a run bounded by a duration with a bare "context
# deadline exceeded" and no failing input: a race in its fuzz coordinator
# between the deadline and a busy worker (golang/go#75804), most often on a
# loaded machine. Such a run found nothing, and passes here with a note. A
# run that wrote a failing input, or failed any other way, fails.
set -uo pipefail
pkg=$1 target=$2 duration=$3
corpus="$(go list -f '{{.Dir}}' "$pkg")/testdata/fuzz/$target"
before=$(ls "$corpus" 2>/dev/null)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -run '^$' -fuzz "^$target\$" -fuzztime "$duration" "$pkg" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && exit 0
if [ "$(ls "$corpus" 2>/dev/null)" = "$before" ] &&
  ! grep -q 'Failing input written' "$out" &&
  [ "$(grep -c -- '--- FAIL' "$out")" -eq 1 ] &&
  grep -A1 -- '--- FAIL' "$out" | tail -1 | grep -qx '[[:space:]]*context deadline exceeded'; then
  echo "fuzz.sh: $target ended on Go's fuzz deadline race (golang/go#75804) with no failing input: passed"
  exit 0
fi
exit "$status"
