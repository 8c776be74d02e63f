#!/usr/bin/env bash
# Builds what is missing, runs one benchmark profile, writes the report, prints where it is.
# Exit codes (for CI): 0 ok, 2 bad usage, 3 build failure, 4 benchmark failure or interrupted
# (a report of what finished is still written), 5 regression found, 6 report failure.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
REPORT_JAR="$ROOT/reports/target/reports.jar"
STORE_JAR="$ROOT/results-store/target/results-store.jar"
# The Maven wrapper: a JDK is the only prerequisite (it downloads the Maven it pins on first use).
MVN="$ROOT/mvnw"
RUNS="$ROOT/reports/runs"
COMMAND_LINE="./run-bench.sh${*:+ $(printf '%q ' "$@")}"

usage() {
  cat <<'EOF'
Usage: ./run-bench.sh [--profile smoke|quick|full] [--impls LIST] [--harness LIST] [--threads LIST]
                      [--out DIR] [--jvm PATH] [--baseline RUN_DIR|JMH_JSON | --compare-with GIT_REF]
                      [--pair-forks N] [--fail-on-regression PCT] [--gate-on HARNESS,...]
                      [--no-store] [--dry-run] [-- RAW_JMH_OPTIONS...]

Runs the epocharena benchmark suite and writes a report to reports/runs/<run-id>/
(reports/runs/latest points at the newest run).

  --profile NAME            smoke (~2 min, CI), quick (default, ~10 min), full (design review, 1-2 h)
  --impls LIST              arena designs and baselines by name, comma separated (listed below).
                            Default: all that can run on the benchmark JVM.
  --harness LIST            harnesses by id, comma separated (listed below). Default: the profile's list.
  --threads LIST            thread counts, e.g. 1,2,64,1024 (default: the profile's)
  --out DIR                 the run folder (default: reports/runs/<date>-<time>-<profile>)
  --jvm PATH                java executable for the benchmark forks, e.g.
                            /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; a JDK 22+ also runs the
                            java.lang.foreign baselines (the jar is rebuilt with that JDK if needed)
  --baseline RUN|JSON       compare every figure with an earlier run folder or JMH JSON file
  --compare-with GIT_REF    paired A/B on this machine: build the benchmarks of GIT_REF (a commit, branch or
                            tag; HEAD is the last commit) in a git worktree under target/compare/<sha>
                            (kept for the next run; 'git worktree remove' deletes it), then
                            run the profile for both, one fork at a time, base and head alternating in ABBA
                            order, so that the machine's noise hits both alike. The report shows this tree
                            against GIT_REF for every figure; the base's run is in <run folder>/base.
                            Costs 2 x N forks per JMH run instead of the profile's forks (see --dry-run).
  --pair-forks N            with --compare-with: forks per side, 2..100 (default 2 for smoke, else 4)
  --fail-on-regression PCT  with --baseline or --compare-with: exit 5 when a headline figure got worse by
                            more than PCT % with its whole corrected interval past PCT (needs >= 2 forks
                            per side; --compare-with always has them)
  --gate-on LIST            with --fail-on-regression: the gate judges only these harnesses' headline
                            figures (default all). The fewer figures it judges, the fewer forks it needs to
                            catch a regression: a 30% one needs ~4 forks per side among a few figures,
                            ~8 among the ~200 of a whole profile. Two runs of the same code pass the gate
                            whatever its size.
  --no-store                do not record the run in the results store (reports/results.db, or
                            $EPOCHARENA_DB_URL) nor rebuild the history page (reports/history/index.html)
  --dry-run                 print the plan and the time estimate, run nothing
  --                        everything after it goes to JMH as is (e.g. -- -prof stack)
  -h, --help                this help

Exit codes: 0 ok, 2 bad usage, 3 build failure, 4 benchmark failure or interrupted,
            5 regression found, 6 report failure.

EOF
  # The names come from the jar, so a new design, baseline or harness is listed without editing this script.
  if [[ -f "$BENCH_JAR" ]]; then
    java -cp "$BENCH_JAR" org.epocharena.bench.suite.Suite --list
  else
    echo "(the implementations and harnesses are listed here once benchmarks/target/benchmarks.jar is built:"
    echo " run ./run-bench.sh --dry-run, or ./mvnw -B package -DskipTests)"
  fi
}

fail_usage() {
  echo "run-bench.sh: $1" >&2
  echo "Usage: ./run-bench.sh [--profile smoke|quick|full] [options] [-- JMH options] (--help for more)" >&2
  exit 2
}

need_value() {
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || fail_usage "$1 needs a value"
}

profile=quick out="" baseline="" fail_pct="" dry_run=0 jvm="" compare_ref="" gate_on="" no_store=0
suite_args=()
jmh_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --profile) need_value "$@"; profile="$2"; shift 2 ;;
    --impls|--harness|--threads) need_value "$@"; suite_args+=("$1" "$2"); shift 2 ;;
    --jvm) need_value "$@"; jvm="$2"; suite_args+=("$1" "$2"); shift 2 ;;
    --out) need_value "$@"; out="$2"; shift 2 ;;
    --baseline) need_value "$@"; baseline="$2"; shift 2 ;;
    --fail-on-regression) need_value "$@"; fail_pct="$2"; shift 2 ;;
    --compare-with) need_value "$@"; compare_ref="$2"; shift 2 ;;
    --pair-forks) need_value "$@"; suite_args+=("$1" "$2"); shift 2 ;;
    --gate-on) need_value "$@"; gate_on="$2"; shift 2 ;;
    --no-store) no_store=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    --) shift; jmh_args=("$@"); break ;;
    *) fail_usage "unknown option '$1'" ;;
  esac
done

# Every rule about an option's value lives in the Java tool that takes the option (the suite, the
# report); this script checks only what is its own: --compare-with, which it turns into a git worktree.
if [[ -n "$compare_ref" && -n "$baseline" ]]; then
  fail_usage "--compare-with and --baseline both name what to compare against: give one"
fi
base_sha=""
if [[ -n "$compare_ref" ]]; then
  base_sha="$(git -C "$ROOT" rev-parse --verify --quiet "$compare_ref^{commit}" 2>/dev/null)" \
    || fail_usage "--compare-with $compare_ref: not a commit in $ROOT (git rev-parse finds no commit by that name)"
fi

# --- build what is missing or older than its sources -------------------------------------------
stale() {   # stale JAR DIR...: true when JAR is missing or a file in DIRs is newer
  local jar="$1"; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}
# With --jvm on a JDK 22+, build with that JDK (JAVA_HOME from the --jvm path) when the jar lacks the
# java.lang.foreign baselines: Maven compiles src/main/java22 only when it runs on JDK 22+.
build_home="" base_build_home=""
# A --jvm that is not a java the suite refuses, with its reason; here it only decides the build.
if [[ -n "$jvm" && -x "$jvm" && -f "$jvm" ]]; then
  jvm_feature="$("$jvm" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1)"
  if [[ -n "$jvm_feature" && "$jvm_feature" -ge 22 ]]; then
    jvm_home="$(cd "$(dirname "$jvm")/.." && pwd)"
    [[ -x "$jvm_home/bin/javac" ]] && base_build_home="$jvm_home"
    if [[ ! -x "$jvm_home/bin/javac" ]]; then
      echo "run-bench.sh: $jvm is a JRE (no javac): the java.lang.foreign baselines need a jar built on a JDK 22+" >&2
    elif [[ ! -f "$BENCH_JAR" ]] || ! "$jvm_home/bin/jar" tf "$BENCH_JAR" | grep -q 'bench/alloc/SharedArenaAllocator.class'; then
      build_home="$jvm_home"
    fi
  fi
fi
if [[ -n "$build_home" ]] || stale "$BENCH_JAR" "$ROOT/arena-impls/src/main" "$ROOT/run-format/src/main" "$ROOT/benchmarks/src/main" "$ROOT/benchmarks/pom.xml" \
   || stale "$REPORT_JAR" "$ROOT/run-format/src/main" "$ROOT/reports/src/main" "$ROOT/reports/pom.xml" \
   || { [[ $no_store -eq 0 ]] && stale "$STORE_JAR" "$ROOT/run-format/src/main" "$ROOT/results-store/src/main" "$ROOT/results-store/pom.xml"; }; then
  echo "== building (./mvnw package${build_home:+ on $build_home}, tests skipped; run './mvnw -B verify' for the tests)"
  if ! (cd "$ROOT" && if [[ -n "$build_home" ]]; then export JAVA_HOME="$build_home"; fi && "$MVN" -B -q -ntp package -DskipTests); then
    echo "run-bench.sh: build failed (see the Maven output above)" >&2
    exit 3
  fi
fi

# --- the base of a paired run: its own worktree and benchmarks.jar, built once per commit --------------
base_tree="" base_jar=""
if [[ -n "$compare_ref" ]]; then
  base_tree="$ROOT/target/compare/$base_sha"
  base_jar="$base_tree/benchmarks/target/benchmarks.jar"
fi
build_base() {
  if [[ ! -d "$base_tree" ]]; then
    echo "== checking out $compare_ref ($base_sha) into $base_tree"
    mkdir -p "$ROOT/target/compare"
    git -C "$ROOT" worktree prune 2>/dev/null
    if ! git -C "$ROOT" worktree add --detach --force "$base_tree" "$base_sha" >/dev/null; then
      echo "run-bench.sh: cannot check out $compare_ref into $base_tree (see the git output above)" >&2
      exit 3
    fi
  fi
  if [[ ! -f "$base_jar" ]]; then
    # On the JDK the head's jar is built with: a JDK 22+ --jvm builds the java.lang.foreign baselines too.
    echo "== building the benchmarks of $compare_ref ($base_sha) in $base_tree${base_build_home:+ on $base_build_home}"
    if ! (cd "$base_tree" && if [[ -n "$base_build_home" ]]; then export JAVA_HOME="$base_build_home"; fi \
          && "$MVN" -B -q -ntp -pl benchmarks -am package -DskipTests); then
      echo "run-bench.sh: the build of $compare_ref ($base_sha) failed (see the Maven output above)" >&2
      exit 3
    fi
  fi
}

# --- run --------------------------------------------------------------------------------------------
run_id="$(date +%Y%m%d-%H%M%S)-$profile"
run_dir="${out:-$RUNS/$run_id}"
pair_args=()
if [[ -n "$compare_ref" ]]; then
  pair_args=(--pair-with "$base_jar" --pair-out "$run_dir/base" --pair-commit "$base_sha")
fi
# The report's options are checked now, before the benchmarks run, by the report itself.
report_check=(--check --run "$run_dir")
if [[ -n "$compare_ref" ]]; then
  report_check+=(--baseline "$run_dir/base")
elif [[ -n "$baseline" ]]; then
  report_check+=(--baseline "$baseline")
fi
[[ -n "$fail_pct" ]] && report_check+=(--fail-on-regression "$fail_pct")
[[ -n "$gate_on" ]] && report_check+=(--gate-on "$gate_on")
java -jar "$REPORT_JAR" "${report_check[@]}" || exit 2
if [[ $dry_run -eq 1 ]]; then
  [[ -n "$compare_ref" ]] && echo "paired with $compare_ref ($base_sha): its benchmarks.jar is built in $base_tree when the run starts"
  exec java -cp "$BENCH_JAR" org.epocharena.bench.suite.Suite --profile "$profile" --out "$run_dir" \
    "${suite_args[@]}" ${pair_args[@]+"${pair_args[@]}"} --dry-run ${jmh_args[@]+-- "${jmh_args[@]}"}
fi
[[ -n "$compare_ref" ]] && build_base
# The suite refuses a folder that already holds files; an empty one it was given is removed again on exit 2.
mkdir -p "$run_dir" || { echo "run-bench.sh: cannot create $run_dir" >&2; exit 2; }
run_dir="$(cd "$run_dir" && pwd)"

export EPOCHARENA_GIT_COMMIT="${EPOCHARENA_GIT_COMMIT:-$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)}"
export EPOCHARENA_COMMAND_LINE="${COMMAND_LINE% }"

# Ctrl-C reaches the benchmark JVM too; the script survives it to write the report of what finished.
trap 'interrupted=1' INT
interrupted=0
java -cp "$BENCH_JAR" org.epocharena.bench.suite.Suite --profile "$profile" --out "$run_dir" \
  "${suite_args[@]}" ${pair_args[@]+"${pair_args[@]}"} ${jmh_args[@]+-- "${jmh_args[@]}"}
bench_rc=$?
trap - INT
if [[ $bench_rc -eq 2 ]]; then
  rmdir "$run_dir" 2>/dev/null || true
  exit 2
fi

mkdir -p "$RUNS"
ln -sfn "$run_dir" "$RUNS/latest"

# Recorded before the report, so that the run's page can link the history page it is already on.
# The store never fails the benchmark run: a warning, and the report goes on.
if [[ $no_store -eq 0 ]]; then
  store_runs=()
  [[ -n "$compare_ref" && -f "$run_dir/base/env.json" ]] && store_runs+=("$run_dir/base")
  store_runs+=("$run_dir")
  echo "== recording the run in the results store"
  if (cd "$ROOT" && java -jar "$STORE_JAR" import "${store_runs[@]}" \
      && java -jar "$STORE_JAR" history --out "$ROOT/reports/history" >/dev/null); then
    echo "History: $ROOT/reports/history/index.html"
  else
    echo "warning: the run was not recorded in the results store (see above)" >&2
  fi
fi

report_args=(--run "$run_dir")
# An interrupted paired run may have no merged base JSON yet: then there is nothing to compare against.
if [[ -n "$compare_ref" ]] && compgen -G "$run_dir/base/raw/jmh-*.json" >/dev/null; then
  baseline="$run_dir/base"
elif [[ -n "$compare_ref" ]]; then
  echo "run-bench.sh: no base results to compare with (the paired run ended before its first JMH run was merged)" >&2
  fail_pct=""
fi
[[ -n "$baseline" ]] && report_args+=(--baseline "$baseline")
[[ -n "$fail_pct" ]] && report_args+=(--fail-on-regression "$fail_pct")
[[ -n "$gate_on" ]] && report_args+=(--gate-on "$gate_on")
echo "== writing the report"
java -jar "$REPORT_JAR" "${report_args[@]}"
report_rc=$?

if [[ $bench_rc -ne 0 || $interrupted -eq 1 ]]; then
  echo "run-bench.sh: the benchmark run failed or was interrupted (exit $bench_rc); the report shows what finished" >&2
  [[ $report_rc -eq 0 || $report_rc -eq 5 ]] || exit 6
  exit 4
fi
case $report_rc in
  0) echo "Done: $run_dir/index.html"; exit 0 ;;
  5) echo "run-bench.sh: regression beyond ${fail_pct}% against ${compare_ref:+$compare_ref ($base_sha), run in }$baseline" >&2; exit 5 ;;
  *) echo "run-bench.sh: report generation failed (exit $report_rc)" >&2; exit 6 ;;
esac
