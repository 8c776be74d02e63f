package org.epocharena.bench.suite;

import java.io.IOException;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own text output (into {@code raw/console.log}), plus a {@link Progress} line on the terminal
 * whenever JMH starts a trial: JMH's callback is the only exact place to learn that.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat jmh;
    private final Progress progress;

    ProgressFormat(OutputFormat jmh, Progress progress) {
        this.jmh = jmh;
        this.progress = progress;
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        jmh.startBenchmark(benchParams);
        jmh.flush();
        progress.trialStarted(benchParams, System.nanoTime());
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        jmh.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        jmh.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        jmh.endRun(result);
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
