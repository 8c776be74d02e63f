package org.epocharena.store.db;

/** The store cannot be opened: no such database, connection refused, bad credentials, failed migration. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
