package org.epocharena.bench.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * JMH's full console output goes to {@code raw/console.log} (appended: one file for all the suite's
 * JMH runs, which JMH's own {@code -o} would overwrite run by run); the lines a person watching wants
 * (JMH's "# Run progress" and any failure) are also echoed to the terminal.
 */
final class ConsoleTee extends OutputStream {
    private final OutputStream log;
    private final PrintStream terminal;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int echoAfterFailure;

    ConsoleTee(OutputStream log, PrintStream terminal) {
        this.log = log;
        this.terminal = terminal;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        log.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                endLine();
            } else {
                line.write(b[i]);
            }
        }
    }

    private void endLine() {
        String s = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (s.startsWith("<failure>")) {
            echoAfterFailure = 3;
        }
        if (s.startsWith("# Run progress") || echoAfterFailure > 0 && !s.isEmpty()) {
            terminal.println(s.startsWith("# Run progress") ? "      " + s : "      ! " + s);
            if (echoAfterFailure > 0) {
                echoAfterFailure--;
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
        terminal.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        log.close();
    }
}
