package dev.ringload.engine.load;

/** Why requests or connections failed; each request is counted under exactly one kind, never twice. */
public enum ErrorKind {
    /** A connect was refused (nothing listening). Counts connection attempts, not requests. */
    CONNECT_REFUSED("connect refused", "connectRefused"),
    /** A connect did not finish within --connect-timeout. Counts connection attempts. */
    CONNECT_TIMEOUT("connect timeout", "connectTimeout"),
    /** Any other connect failure (unreachable, out of ports, ...). Counts connection attempts. */
    CONNECT_OTHER("connect error", "connectError"),
    /** Requests in flight when the connection was reset or a read/write failed. */
    RESET("reset", "reset"),
    /** Requests older than --timeout; their connection was replaced. */
    TIMEOUT("timeout", "timeout"),
    /** Requests in flight on a connection whose response could not be parsed. */
    PARSE("parse error", "parseError"),
    /** Requests in flight when the server closed the connection (EOF or after a Connection: close response). */
    CLOSED_MID_PIPELINE("closed mid-pipeline", "closedMidPipeline");

    private final String label;
    private final String jsonName;

    ErrorKind(String label, String jsonName) {
        this.label = label;
        this.jsonName = jsonName;
    }

    public String label() {
        return label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Whether the kind counts connection attempts rather than requests. */
    public boolean isConnect() {
        return this == CONNECT_REFUSED || this == CONNECT_TIMEOUT || this == CONNECT_OTHER;
    }
}
