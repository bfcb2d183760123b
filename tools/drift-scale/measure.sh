#!/usr/bin/env bash
# Times `iamgov audit`, `iamgov drift` and `iamgov drift --previous` as whole processes on the generated accounts (and,
# with --org, on a generated organisation), N runs each, and prints medians of wall time, CPU time (user + system) and
# peak memory (max RSS, from /usr/bin/time), with the growth exponent between the smallest and the largest account.
# With --before REV the same runs are made with a second build (REV, built in a temporary git worktree), alternating
# before/after within each round, so both columns come from one run on one machine (as tools/engine-speed/compare.sh).
# See README.md here for the options, the organisation runs and cloudsplaining.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: tools/drift-scale/measure.sh [--before REV] [--runs N] [--sizes "500 2000 5000"]
                                    [--org ACCOUNTSxROLES] [--per-account] [--cloudsplaining] [--timeout SECONDS] [--work DIR]
EOF
  exit 2
}

before_rev=""
runs=3
sizes="500 2000 5000"
org=""
per_account=false
cloudsplaining=false
timeout_s=1800
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before_rev=${2:?}; shift 2 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --sizes) sizes=${2?}; shift 2 ;;
    --org) org=${2:?}; shift 2 ;;
    --per-account) per_account=true; shift ;;
    --cloudsplaining) cloudsplaining=true; shift ;;
    --timeout) timeout_s=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done

root=$(git rev-parse --show-toplevel)
keep_work=true
if [ -z "$work" ]; then
  work=$(mktemp -d)
  keep_work=false
fi
mkdir -p "$work"
cleanup() {
  if [ -n "$before_rev" ]; then git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; fi
  if [ "$keep_work" = false ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

sides="after"
if [ -n "$before_rev" ]; then
  git -C "$root" worktree add --detach -q "$work/before" "$before_rev"
  sides="before after"
fi
side_root() { if [ "$1" = before ]; then echo "$work/before"; else echo "$root"; fi; }

echo "building (Release): the generator, and iamgov for: $sides" >&2
dotnet build -c Release -v q -nologo "$root/tools/drift-scale" >/dev/null
for side in $sides; do
  dotnet build -c Release -v q -nologo "$(side_root "$side")/src/Governance.Cli" >/dev/null
done
generate() { dotnet "$root/tools/drift-scale/bin/Release/net10.0/DriftScale.dll" "$@" >&2; }

results="$work/results.tsv"
: > "$results"
# One timed process: appends "side case size command wall user sys maxrss_kb exit" to results.tsv.
measure() {
  local side=$1 case_name=$2 size=$3 command=$4 out=$5; shift 5
  local timing="$work/time.txt" status=0
  /usr/bin/time -f "%e %U %S %M" -o "$timing" timeout "$timeout_s" "$@" > "$out" 2> "$work/stderr.txt" || status=$?
  # /usr/bin/time writes "Command exited with non-zero status N" before its line when the command fails.
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$case_name" "$size" "$command" "$(tail -n 1 "$timing" | tr ' ' '\t')" "$status" >> "$results"
  if [ "$status" -ne 0 ]; then echo "  $side $case_name $command exited $status: $(head -c 300 "$work/stderr.txt")" >&2; fi
}
iamgov() { echo "$(side_root "$1")/src/Governance.Cli/bin/Release/net10.0/iamgov"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $sizes; do
  data="$work/data/$size"
  [ -f "$data/account.json" ] || generate "$data" "$size"
  for run in $(seq 1 "$runs"); do
    echo "account of $size roles, round $run of $runs" >&2
    for side in $sides; do
      out="$work/out/$side/$size"; mkdir -p "$out"
      bin=$(iamgov "$side")
      measure "$side" account "$size" audit "$out/audit.json" "$bin" audit --account "$data/account.json" -o json
      measure "$side" account "$size" drift "$out/drift.json" "$bin" drift --desired "$data/policies" --account "$data/account.json" -o json
      measure "$side" account "$size" drift-previous "$out/drift-previous.json" \
        "$bin" drift --desired "$data/policies" --account "$data/account.json" --previous "$out/drift.json" -o json
    done
    if [ "$cloudsplaining" = true ]; then
      rm -rf "$work/cloudsplaining/$size"; mkdir -p "$work/cloudsplaining/$size"
      # --minimize: the report links the JavaScript bundle instead of embedding it (a source checkout lacks the built bundle).
      measure python account "$size" cloudsplaining "$work/cloudsplaining/$size/stdout.txt" \
        "${CLOUDSPLAINING:-cloudsplaining}" scan --input-file "$data/account.json" --output "$work/cloudsplaining/$size" --skip-open-report --minimize
    fi
  done
done

if [ -n "$org" ]; then
  accounts=${org%x*}
  roles=${org#*x}
  data="$work/data/org-$org"
  [ -f "$data/org/organization.json" ] || generate "$data" "$roles" --org "$accounts"
  member=$(ls "$data/org/accounts" | sed -n 2p)
  for run in $(seq 1 "$runs"); do
    echo "organisation of $accounts accounts x $roles roles, round $run of $runs" >&2
    for side in $sides; do
      out="$work/out/$side/org-$org"; mkdir -p "$out"
      bin=$(iamgov "$side")
      # The nightly run: one process over the whole organisation (as the scheduler's drift job over the organisation copy).
      measure "$side" org "$org" audit "$out/audit.json" "$bin" audit --org "$data/org" -o json
      measure "$side" org "$org" drift "$out/drift.json" "$bin" drift --desired "$data/policies" --org "$data/org" --roles-account "$member" -o json
      measure "$side" org "$org" drift-previous "$out/drift-previous.json" \
        "$bin" drift --desired "$data/policies" --org "$data/org" --roles-account "$member" --previous "$out/drift.json" -o json
      if [ "$per_account" = true ]; then
        # Account by account, one process each; summed below (wall and CPU added, peak memory the largest).
        for folder in "$data/org/accounts"/*; do
          measure "$side" per-account "$org" "audit:$(basename "$folder")" "$out/audit-one.json" \
            "$bin" audit --account "$folder/authorization-details.json" -o json
        done
      fi
    done
  done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$results" "$sizes" "$load_before" "$load_after" "$(nproc)" <<'PY'
import collections, math, statistics, sys
path, sizes, load_before, load_after, cores = sys.argv[1:6]
sizes = sizes.split()
rows = collections.defaultdict(list)
per_account = collections.defaultdict(lambda: collections.defaultdict(list))
failed = collections.Counter()
for line in open(path):
    side, case, size, command, wall, user, sys_, rss, status = line.rstrip("\n").split("\t")
    if status != "0":
        failed[(side, case, size, command)] += 1
    if case == "per-account":
        per_account[(side, size)][command].append((float(wall), float(user) + float(sys_), int(rss)))
        continue
    rows[(side, case, size, command)].append((float(wall), float(user) + float(sys_), int(rss), status))

def cell(samples):
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    rss = statistics.median(s[2] for s in samples) / 1024
    return f"{wall:8.2f} s {cpu:8.2f} s {rss:8.0f} MB"

print(f"medians of the runs; load average {load_before} before, {load_after} after; {cores} cores")
print(f"{'side':8} {'case':8} {'size':>9} {'command':16} {'wall':>10} {'cpu':>10} {'max rss':>11}  runs")
for key in sorted(rows, key=lambda k: (k[1], int(k[2].split('x')[-1]) * (int(k[2].split('x')[0]) if 'x' in k[2] else 1), k[3], k[0])):
    side, case, size, command = key
    note = f"  {failed[key]} failed" if failed[key] else ""
    print(f"{side:8} {case:8} {size:>9} {command:16} {cell(rows[key])}  {len(rows[key])}{note}")

# Account by account: each round's sum over the accounts, then the median of the rounds.
for (side, size), by_account in sorted(per_account.items()):
    rounds = min(len(v) for v in by_account.values())
    walls = [sum(v[r][0] for v in by_account.values()) for r in range(rounds)]
    cpus = [sum(v[r][1] for v in by_account.values()) for r in range(rounds)]
    peaks = [max(v[r][2] for v in by_account.values()) for r in range(rounds)]
    print(f"{side:8} {'per-acct':8} {size:>9} {'audit, summed':16} {statistics.median(walls):8.2f} s {statistics.median(cpus):8.2f} s "
          f"{statistics.median(peaks) / 1024:8.0f} MB  {rounds} ({len(by_account)} processes each)")

# Growth exponents: the log-log slopes of the medians between the smallest and the largest account (CPU time is the
# steadier one on a loaded machine).
if len(sizes) >= 2:
    small, large = sizes[0], sizes[-1]
    print(f"growth exponents from {small} to {large} roles (log-log slope of the medians; 1.0 is linear)")
    for (side, case, size, command) in sorted(rows):
        if case != "account" or size != small or (side, case, large, command) not in rows:
            continue
        t0 = statistics.median(s[0] for s in rows[(side, case, small, command)])
        t1 = statistics.median(s[0] for s in rows[(side, case, large, command)])
        c0 = statistics.median(s[1] for s in rows[(side, case, small, command)])
        c1 = statistics.median(s[1] for s in rows[(side, case, large, command)])
        m0 = statistics.median(s[2] for s in rows[(side, case, small, command)])
        m1 = statistics.median(s[2] for s in rows[(side, case, large, command)])
        ratio = math.log(int(large) / int(small))
        print(f"  {side:8} {command:16} wall n^{math.log(t1 / t0) / ratio:.2f}   cpu n^{math.log(c1 / c0) / ratio:.2f}   memory n^{math.log(m1 / m0) / ratio:.2f}")
PY
echo "raw rows: $results$([ "$keep_work" = true ] || echo ' (removed on exit; --work DIR keeps them)')" >&2
