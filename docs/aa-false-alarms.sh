#!/usr/bin/env bash
# Counts false alarms of the same code against itself, paired and unpaired, on this machine: K paired
# A/A runs (./run-bench.sh --compare-with HEAD, F forks per side, ABBA) against K unpaired A/A
# comparisons (K+1 separate runs of F forks each, every run against the one before it, as two CI jobs
# would compare). Every figure "changed beyond noise" and every gate failure is a false alarm: the code
# is the same. Prints one line per comparison and the totals; writes nothing to the results store.
#
#   docs/aa-false-alarms.sh                                   # K=3, F=4, allocation harness, smoke settings
#   K=5 F=4 HARNESS=allocation,reclaim IMPLS=LOCK_FREE,STRIPED,JVM_NEW docs/aa-false-alarms.sh
#   ... docs/aa-false-alarms.sh -- -wi 3 -w 200ms -i 5 -r 200ms    # extra JMH options for every run
#
# Time: about (3K + 1) x F x the plan's time per fork (see ./run-bench.sh --dry-run).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
K="${K:-3}" F="${F:-4}" PROFILE="${PROFILE:-smoke}" HARNESS="${HARNESS:-allocation}"
IMPLS="${IMPLS:-LOCK_FREE,STRIPED,JVM_NEW}" THREADS="${THREADS:-1}" THRESHOLD="${THRESHOLD:-10}"
[[ "${1:-}" == "--" ]] && shift
jmh=("$@")
work="$(mktemp -d "${TMPDIR:-/tmp}/epocharena-aa.XXXXXX")"
common=(--profile "$PROFILE" --harness "$HARNESS" --impls "$IMPLS" --threads "$THREADS" --no-store)

# "vs baseline: N figures compared, C changed beyond noise, ..." and the gate's exit code; from results.csv
# also the figures with an uncorrected p < 0.05 (false alarms before Holm: ~5% expected on pure noise, more
# when the two sides really differ, e.g. by machine state) and the median |change| of the primary scores.
spread() {   # spread RESULTS_CSV
  python3 - "$1" <<'PY' 2>/dev/null || echo "(python3 needed for the spread)"
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r.get("p_value") not in (None, "", "NaN")]
low_p = sum(1 for r in rows if float(r["p_value"]) < 0.05)
scores = [abs(float(r["change_pct"])) for r in rows if r["metric"] == "score" and r["change_pct"] not in ("", "NaN")]
print(f"{low_p} of {len(rows)} with uncorrected p < 0.05; median |change| of scores "
      f"{statistics.median(scores):.1f}%" if scores else f"{low_p} of {len(rows)} with uncorrected p < 0.05")
PY
}
count() {   # count LABEL LOG RC RESULTS_CSV
  local line n c
  line="$(grep -m1 'vs baseline:' "$2")"
  n="$(sed -n 's/.*vs baseline: \([0-9]*\) figures compared.*/\1/p' <<<"$line")"
  c="$(sed -n 's/.* \([0-9]*\) changed beyond noise.*/\1/p' <<<"$line")"
  echo "$1: ${c:-?} of ${n:-?} figures changed beyond noise; gate exit $3; $(spread "$4")"
  total_n=$((total_n + ${n:-0})); total_c=$((total_c + ${c:-0}))
  [[ "$3" -eq 5 ]] && total_gate=$((total_gate + 1))
}

total_n=0 total_c=0 total_gate=0
for i in $(seq 1 "$K"); do
  "$ROOT/run-bench.sh" "${common[@]}" --compare-with HEAD --pair-forks "$F" --fail-on-regression "$THRESHOLD" \
    --out "$work/paired-$i" ${jmh[@]+-- "${jmh[@]}"} >"$work/paired-$i.log" 2>&1
  count "paired A/A $i" "$work/paired-$i.log" $? "$work/paired-$i/results.csv"
done
paired="paired:   $total_c of $total_n figures changed beyond noise, $total_gate of $K gates failed"

total_n=0 total_c=0 total_gate=0
"$ROOT/run-bench.sh" "${common[@]}" --out "$work/single-0" -- -f "$F" ${jmh[@]+"${jmh[@]}"} >"$work/single-0.log" 2>&1
for i in $(seq 1 "$K"); do
  "$ROOT/run-bench.sh" "${common[@]}" --out "$work/single-$i" -- -f "$F" ${jmh[@]+"${jmh[@]}"} >"$work/single-$i.log" 2>&1
  java -jar "$ROOT/reports/target/reports.jar" --run "$work/single-$i" --out "$work/single-$i-vs-$((i - 1))" \
    --baseline "$work/single-$((i - 1))" --fail-on-regression "$THRESHOLD" >"$work/unpaired-$i.log" 2>&1
  count "unpaired A/A $i" "$work/unpaired-$i.log" $? "$work/single-$i-vs-$((i - 1))/results.csv"
done
echo "$paired"
echo "unpaired: $total_c of $total_n figures changed beyond noise, $total_gate of $K gates failed"
echo "runs and logs: $work"
