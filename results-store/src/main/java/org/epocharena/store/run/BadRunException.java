package org.epocharena.store.run;

/** A run folder that cannot be recorded: the message names the file and what is wrong with it. */
public final class BadRunException extends RuntimeException {
    public BadRunException(String message) {
        super(message);
    }

    public BadRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
