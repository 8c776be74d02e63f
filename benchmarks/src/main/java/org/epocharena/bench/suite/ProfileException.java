package org.epocharena.bench.suite;

/** A profile that cannot be read or holds a bad value; the message names the profile, key and value. */
public final class ProfileException extends IllegalArgumentException {
    public ProfileException(String message) {
        super(message);
    }
}
