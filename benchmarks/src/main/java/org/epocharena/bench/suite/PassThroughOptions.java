package org.epocharena.bench.suite;

import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * The raw JMH options a user appends after {@code --}, parsed by JMH itself (so every JMH option
 * works and means what JMH says). They win over the profile. Options that would break the run folder
 * are refused rather than half-honoured: benchmark patterns (the suite picks benchmarks by harness and
 * implementation) and result or output files (the suite writes {@code raw/jmh-<harness>.json} and
 * {@code raw/console.log} itself).
 */
final class PassThroughOptions {
    private PassThroughOptions() {
    }

    /** @throws IllegalArgumentException with JMH's own message, or naming the refused option */
    static Options parse(List<String> args) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option after --: " + e.getMessage());
        }
        if (!options.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("JMH options after -- must not name benchmarks (got "
                    + options.getIncludes() + "); pick them with --harness and --impls");
        }
        if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
            throw new IllegalArgumentException("JMH options after -- must not set -rf/-rff: the suite writes "
                    + "raw/jmh-<harness>.json itself");
        }
        if (options.getOutput().hasValue()) {
            throw new IllegalArgumentException("JMH options after -- must not set -o: the suite writes "
                    + "raw/console.log itself");
        }
        if (options.shouldList() || options.shouldListWithParams() || options.shouldHelp()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            throw new IllegalArgumentException("JMH listing/help options after -- do nothing here; run "
                    + "java -jar benchmarks/target/benchmarks.jar -l (or -h) instead");
        }
        return options;
    }
}
