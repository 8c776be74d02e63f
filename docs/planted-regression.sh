#!/usr/bin/env bash
# Proves that ./run-bench.sh --compare-with catches a real regression: clones this repository's last
# commit into a temporary folder, commits on a branch there a change that makes the allocation harness's
# tryAllocate do ~40% more work (two of every five calls allocate twice), and runs the paired comparison
# of that branch against the unchanged commit. Expects exit 5 (regression found); exits 0 when it is
# caught, 1 when it is not. Nothing in this repository is changed.
#
#   docs/planted-regression.sh                      # smoke settings, LOCK_FREE and STRIPED, 4 forks per side
#   IMPLS=LOCK_FREE PAIR_FORKS=3 docs/planted-regression.sh
#   KEEP=1 docs/planted-regression.sh               # keep the clone and its report (path printed)
#
# A few minutes on 2 cores: two Maven builds (the branch, then the base in its worktree) and 2 x 4
# single-fork runs of one small JMH run. The smoke profile's own iterations (one 60 ms warm-up) end before
# the JIT settles, so fork means scatter by +-20% and no 40% change clears a 10% gate: the run here asks
# JMH for 3 x 200 ms of warm-up and 5 x 200 ms of measurement per fork.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMPLS="${IMPLS:-LOCK_FREE,STRIPED}"
PAIR_FORKS="${PAIR_FORKS:-4}"
THRESHOLD="${THRESHOLD:-10}"
BENCH="benchmarks/src/main/java/org/epocharena/bench/allocation/AllocationCostBenchmark.java"

work="$(mktemp -d "${TMPDIR:-/tmp}/epocharena-planted.XXXXXX")"
cleanup() {
  if [[ "${KEEP:-0}" == 1 ]]; then
    echo "kept: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

base="$(git -C "$ROOT" rev-parse HEAD)"
echo "== cloning $ROOT at $base into $work/repo"
git clone -q --no-hardlinks "$ROOT" "$work/repo"
cd "$work/repo"
git checkout -q -b planted-slowdown "$base"

# The plant: a counter in the caller's state, and an extra allocation on two of every five calls.
sed -i 's/^        int sinceEpoch;$/        int sinceEpoch;\n        int planted;/' "$BENCH"
sed -i '0,/^        return c.allocate();$/s//        if (++c.planted % 5 < 2) { c.allocate(); } \/\/ planted: ~40% more work\n        return c.allocate();/' "$BENCH"
if [[ "$(grep -c 'planted' "$BENCH")" -ne 2 ]]; then
  echo "planted-regression.sh: could not plant the slowdown in $BENCH (its code changed?)" >&2
  exit 1
fi
git -c user.name=planted -c user.email=planted@localhost commit -q -am "planted: tryAllocate does ~40% more work"
echo "== planted in $BENCH:"
git --no-pager diff "$base" --stat

set +e
./run-bench.sh --profile smoke --compare-with "$base" --harness allocation --impls "$IMPLS" --threads 1 \
  --pair-forks "$PAIR_FORKS" --fail-on-regression "$THRESHOLD" --gate-on allocation --no-store --out "$work/run" \
  -- -wi 3 -w 200ms -i 5 -r 200ms
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "planted-regression.sh: caught: the paired run exited 5 (regression beyond $THRESHOLD%)"
  exit 0
fi
echo "planted-regression.sh: NOT caught: the paired run exited $rc, expected 5 (report: $work/run/index.html; KEEP=1 keeps it)" >&2
exit 1
