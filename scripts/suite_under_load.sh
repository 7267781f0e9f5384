#!/usr/bin/env bash
# Run the README's test command N times in a row (default 5) while one busy
# loop per core keeps every core at 100%: the suite must stay green on a busy
# machine. Usage: bash scripts/suite_under_load.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
hogs=()
for _ in $(seq "$(nproc)"); do
  (while :; do :; done) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
echo "load: ${#hogs[@]} busy loops on $(nproc) cores"
failed=0
for run in $(seq "$runs"); do
  start=$(date +%s)
  if .venv/bin/python -m pytest -q > "/tmp/suite_run_$run.log" 2>&1; then
    status=green
  else
    status=RED
    failed=$((failed + 1))
  fi
  echo "run $run: $status in $(($(date +%s) - start)) s: $(tail -n 1 "/tmp/suite_run_$run.log")"
done
echo "$((runs - failed)) of $runs runs green"
exit "$failed"
