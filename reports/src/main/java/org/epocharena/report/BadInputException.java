package org.epocharena.report;

/**
 * A file or value the report cannot use. Carries a one-line message that names the file or value,
 * so the CLI can print it as-is and exit 6 without a stack trace.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
