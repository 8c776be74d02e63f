package org.epocharena.runformat;

/** A run-folder file that cannot be read as its format says: the message names the file and what is wrong. */
public class RunFormatException extends RuntimeException {
    public RunFormatException(String message) {
        super(message);
    }

    public RunFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
