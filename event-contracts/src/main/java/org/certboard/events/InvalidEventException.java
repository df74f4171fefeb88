package org.certboard.events;

/** An event that no retry can make readable: it belongs on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
