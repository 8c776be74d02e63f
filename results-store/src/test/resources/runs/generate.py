#!/usr/bin/env python3
"""Writes the results-store test runs: seven run folders in run-bench.sh's layout (env.json,
manifest.json for the newer ones, raw/jmh-*.json in JMH 1.37's JSON result format) on two machines
at two commits, with known changes planted between the commits. Deterministic (fixed seed).
Run it from this folder: python3 generate.py

Planted between commit C1 and C2, on both machines:
  - STRIPED throughput at 64 workers: 30 % lower;
  - LOCK_FREE latency p99.99: twice as high.
Everything else only has noise (2 % per iteration, 1 % per fork).
Machines: A is a 2-core EPYC where STRIPED wins throughput at 64 workers (three runs of C1, two of C2:
the change-point test has run-to-run noise to measure); B a 64-core Xeon where LOCK_FREE wins it (one
run per commit). At 1 worker STRIPED wins on both.
Formats: a-1 and b-1 are older runs (params kind/baseline, no manifest.json); the others use the
impl param and carry a manifest.json (schema 1).
"""
import json, os, random, shutil

C1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
C2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
MACHINES = {
    "A": dict(cpuModel="AMD EPYC 7B13", cores=2, memoryBytes=25276502016, os="Linux 6.1.0 amd64"),
    "B": dict(cpuModel="Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", cores=64, memoryBytes=274877906944,
              os="Linux 6.1.0 amd64"),
}
IMPLS = ["STRIPED", "LOCK_FREE", "JVM_NEW"]
BASELINES = {"JVM_NEW"}
THRPT = "org.epocharena.bench.throughput.ThroughputBenchmark.run"
LAT = "org.epocharena.bench.latency.LatencyBenchmark.allocate"
GARB = "org.epocharena.bench.garbage.GarbageBenchmark.allocate"
FORKS, ITERS = 2, 3

def throughput(machine, impl, workers, commit):
    base = {("A", "STRIPED"): (5e6, 3.0e6), ("A", "LOCK_FREE"): (4e6, 1.5e6), ("A", "JVM_NEW"): (16e6, 15e6),
            ("B", "STRIPED"): (5e6, 10e6), ("B", "LOCK_FREE"): (4e6, 25e6), ("B", "JVM_NEW"): (16e6, 90e6)}
    v = base[(machine, impl)][0 if workers == 1 else 1]
    return v * (0.7 if impl == "STRIPED" and workers == 64 and commit == C2 else 1)

def latency(machine, impl, commit):
    """p50, p99, p99.99 in ns."""
    p = {"STRIPED": (60, 250, 9000), "LOCK_FREE": (45, 200, 7000), "JVM_NEW": (30, 400, 20000)}[impl]
    scale = 1.0 if machine == "A" else 0.8
    tail = 2.0 if impl == "LOCK_FREE" and commit == C2 else 1.0
    return p[0] * scale, p[1] * scale, p[2] * scale * tail

def garbage(impl):
    return {"STRIPED": 0.0, "LOCK_FREE": 0.0, "JVM_NEW": 80.0}[impl]

def raw(rng, mean, sd=0.02):
    out = []
    for _ in range(FORKS):
        fork = mean * (1 + rng.gauss(0, 0.01))
        out.append([fork * (1 + rng.gauss(0, sd)) for _ in range(ITERS)])
    return out

def metric(values, unit):
    flat = [v for f in values for v in f]
    n = len(flat)
    mean = sum(flat) / n
    sd = (sum((v - mean) ** 2 for v in flat) / (n - 1)) ** 0.5
    err = 5.04 * sd / n ** 0.5          # t(0.9995, 5) for JMH's 99.9% interval over 6 values
    srt = sorted(flat)
    pct = {"0.0": srt[0], "50.0": srt[n // 2], "90.0": srt[-1], "95.0": srt[-1], "99.0": srt[-1],
           "99.9": srt[-1], "99.99": srt[-1], "99.999": srt[-1], "99.9999": srt[-1], "100.0": srt[-1]}
    return {"score": mean, "scoreError": err, "scoreConfidence": [mean - err, mean + err],
            "scorePercentiles": pct, "scoreUnit": unit, "rawData": values}

def result(bench, mode, unit, params, primary_raw, secondaries, jvm):
    r = {"jmhVersion": "1.37", "benchmark": bench, "mode": mode, "threads": 1, "forks": FORKS, "jvm": jvm,
         "jvmArgs": ["-Xms256m", "-Xmx256m"], "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
         "vmVersion": "17.0.15+6-Debian-1deb12u1", "warmupIterations": 1, "warmupTime": "100 ms",
         "warmupBatchSize": 1, "measurementIterations": ITERS, "measurementTime": "100 ms",
         "measurementBatchSize": 1, "params": params}
    if mode == "sample":
        # SampleTime keeps a histogram per iteration instead of rawData.
        m = metric(primary_raw, unit)
        del m["rawData"]
        m["rawDataHistogram"] = [[[[round(v, 1), 1000]] for v in fork] for fork in primary_raw]
        r["primaryMetric"] = m
    else:
        r["primaryMetric"] = metric(primary_raw, unit)
    r["secondaryMetrics"] = {name: metric(values, u) for name, (values, u) in secondaries.items()}
    return r

def impl_params(impl, new_format):
    if new_format:
        return {"impl": impl}
    return {"baseline": impl} if impl in BASELINES else {"kind": impl}

def run(folder, machine, commit, started, new_format, seed):
    rng = random.Random(seed)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "raw"))
    jvm = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"
    env = dict(MACHINES[machine], jvmName="OpenJDK 64-Bit Server VM", jvmVersion="17.0.15+6-Debian-1deb12u1",
               jvmPath=jvm, jvmFlags="-Xms256m -Xmx256m", gitCommit=commit, profile="quick",
               commandLine="./run-bench.sh --impls STRIPED,LOCK_FREE,JVM_NEW --harness throughput,latency,garbage",
               startedAt=started, harnesses=["throughput", "latency", "garbage"], impls=IMPLS, jmh="1.37")
    if not new_format:
        env["jvmFlags"] = ["-Xms256m", "-Xmx256m"]   # older env.json files have the flags as an array
    with open(os.path.join(folder, "env.json"), "w") as f:
        json.dump(env, f, indent=2)
    thr, lat, gar = [], [], []
    for impl in IMPLS:
        for workers in (1, 64):
            p = dict(impl_params(impl, new_format), mix="MIXED", workers=str(workers))
            v = throughput(machine, impl, workers, commit)
            thr.append(result(THRPT, "thrpt", "ops/s", p, raw(rng, v),
                              {"starvedShare": (raw(rng, 0.01 if workers == 64 else 0.0, 0.5), "share")}, jvm))
        p50, p99, p9999 = latency(machine, impl, commit)
        lat.append(result(LAT, "sample", "ns/op", impl_params(impl, new_format), raw(rng, p50 * 1.3),
                          {"p0.50": (raw(rng, p50), "ns/op"), "p0.99": (raw(rng, p99), "ns/op"),
                           "p0.9999": (raw(rng, p9999), "ns/op")}, jvm))
        g = garbage(impl)
        gar.append(result(GARB, "avgt", "ns/op", impl_params(impl, new_format), raw(rng, 40.0),
                          {"gc.alloc.rate.norm": (raw(rng, g, 0.0) if g else [[0.0] * ITERS] * FORKS, "B/op")}, jvm))
    for name, data in (("throughput", thr), ("latency", lat), ("garbage", gar)):
        with open(os.path.join(folder, "raw", "jmh-%s.json" % name), "w") as f:
            json.dump(data, f, indent=4)
    if new_format:
        manifest = {"schema": 1, "cores": MACHINES[machine]["cores"], "implementations": [
            {"name": i, "baseline": i in BASELINES, "description": i, "ran": True} for i in IMPLS],
            "harnesses": [
                {"name": "throughput", "benchmark": THRPT, "question": "How does each allocator scale?",
                 "threadsParam": "workers", "headlines": [{"id": "throughput", "label": "allocations/s", "metric": "",
                     "better": "higher", "unit": "ops/s", "floorRelative": 0.05, "floorAbsolute": 0}]},
                {"name": "latency", "benchmark": LAT, "question": "How long does one allocate take, tail included?",
                 "headlines": [{"id": "p99", "label": "p99", "metric": "p0.99", "better": "lower", "unit": "ns/op",
                     "floorRelative": 0.05, "floorAbsolute": 0}]},
                {"name": "garbage", "benchmark": GARB, "question": "Does the arena keep the collector idle?",
                 "headlines": [{"id": "garbage", "label": "B/op", "metric": "gc.alloc.rate.norm", "better": "lower",
                     "unit": "B/op", "floorRelative": 0, "floorAbsolute": 1}]}]}
        with open(os.path.join(folder, "manifest.json"), "w") as f:
            json.dump(manifest, f, indent=2)

run("a-1", "A", C1, "2026-11-20T10:00:00Z", False, 1)
run("a-2", "A", C1, "2026-11-21T10:00:00Z", True, 2)
run("a-3", "A", C1, "2026-11-21T16:00:00Z", True, 6)
run("a-4", "A", C2, "2026-11-22T10:00:00Z", True, 3)
run("a-5", "A", C2, "2026-11-23T10:00:00Z", True, 7)
run("b-1", "B", C1, "2026-11-20T12:00:00Z", False, 4)
run("b-2", "B", C2, "2026-11-22T12:00:00Z", True, 5)
