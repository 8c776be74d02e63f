package org.epocharena.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures System.out and System.err for each test, where the command-line tools print their results and their
 * one-line errors, and puts the real streams back after it. Used by the reports and the results-store CLI tests
 * (results-store reads it from this module's test jar).
 * Use: {@code @RegisterExtension final CapturedOutput printed = new CapturedOutput();}.
 */
public final class CapturedOutput implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @Override
    public void beforeEach(ExtensionContext context) {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    /** What went to System.out since the test started or since {@link #reset()}. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What went to System.err since the test started or since {@link #reset()}. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was captured, so the next call's output is checked alone. */
    public void reset() {
        out.reset();
        err.reset();
    }
}
