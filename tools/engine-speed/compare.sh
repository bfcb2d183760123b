#!/usr/bin/env bash
# Compares the engine's speed at an earlier commit with the working tree's, in one run on one machine:
# `iamgov bench` on the realistic workload, alternating before/after ROUNDS times (so drift in the machine's load falls
# on both sides), then BenchmarkDotNet's EvaluateBenchmarks for each side.
# Usage: tools/engine-speed/compare.sh BEFORE_REV [ROUNDS] [SECONDS]   (from the repository's root)
set -euo pipefail
before_rev=${1:?usage: compare.sh BEFORE_REV [ROUNDS] [SECONDS]}
rounds=${2:-5}
seconds=${3:-5}
root=$(pwd)
cases="$root/tests/data/conformance/realistic-iam-simulate.jsonl"
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach -q "$work/before" "$before_rev"
for side in "$work/before" "$root"; do
  dotnet build -c Release -v q -nologo "$side/src/Governance.Cli" >/dev/null
  dotnet build -c Release -v q -nologo "$side/bench/PolicyEngine.Benchmarks" >/dev/null
done

echo "iamgov bench, $rounds rounds of $seconds s each side, alternating (cases: realistic-iam-simulate.jsonl)"
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    dir=$([ "$side" = before ] && echo "$work/before" || echo "$root")
    result=$("$dir/src/Governance.Cli/bin/Release/net10.0/iamgov" bench --cases "$cases" --seconds "$seconds" -o json)
    echo "$side $result" | tee -a "$work/bench.txt"
  done
done
python3 - "$work/bench.txt" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    side, text = line.split(" ", 1)
    rows.setdefault(side, []).append(json.loads(text))
print(f"{'median':8} {'decisions/s':>12} {'p50 us':>8} {'p99 us':>8}")
for side in ("before", "after"):
    r = rows[side]
    print(f"{side:8} {statistics.median(x['decisions_per_sec'] for x in r):>12,.0f} "
          f"{statistics.median(x['p50_us'] for x in r):>8.3f} {statistics.median(x['p99_us'] for x in r):>8.3f}")
b, a = rows["before"], rows["after"]
ratio = statistics.median(x['decisions_per_sec'] for x in a) / statistics.median(x['decisions_per_sec'] for x in b)
print(f"after/before decisions per second: {ratio:.3f}")
PY

for side in before after; do
  dir=$([ "$side" = before ] && echo "$work/before" || echo "$root")
  echo "BenchmarkDotNet EvaluateBenchmarks, $side"
  (cd "$dir/bench/PolicyEngine.Benchmarks" && dotnet bin/Release/net10.0/PolicyEngine.Benchmarks.dll --filter '*EvaluateBenchmarks*' \
     --artifacts "$work/bdn-$side" >/dev/null)
  sed -n '/^| Method/,$p' "$work"/bdn-$side/results/*EvaluateBenchmarks*-report-github.md
done
