package org.epocharena.report;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command-line tools (reports, results-store) fail: one line on stderr, {@code <tool>: <what went wrong>},
 * and an exit code, never a stack trace, so run-bench.sh and a CI log show the cause as it is. A bad flag or value
 * adds the tool's short usage line and exits {@value #USAGE}; an exception from the run becomes the line and exit
 * code the tool maps it to.
 */
public final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    public static final int USAGE = ExitCode.USAGE;

    /** What a tool says for an exception from its run, and the exit code it ends with. */
    public record Failure(String message, int exitCode) {
    }

    private final String tool;
    private final String usageLine;
    private final Function<Exception, Failure> failure;

    public OneLineErrors(String tool, String usageLine, Function<Exception, Failure> failure) {
        this.tool = tool;
        this.usageLine = usageLine;
        this.failure = failure;
    }

    /** Runs the command with these handlers and returns its exit code. */
    public int execute(Object command, String... args) {
        return new CommandLine(command).setParameterExceptionHandler(this).setExecutionExceptionHandler(this)
                .execute(args);
    }

    /** Bad usage: the message, the usage line, exit {@value #USAGE}. */
    public int usage(String message) {
        System.err.println(tool + ": " + message);
        System.err.println(usageLine);
        return USAGE;
    }

    /** The message alone, and the given exit code. */
    public int fail(String message, int exitCode) {
        System.err.println(tool + ": " + message);
        return exitCode;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        return usage(ex.getMessage());
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parsed) {
        Failure f = failure.apply(ex);
        return fail(f.message(), f.exitCode());
    }
}
