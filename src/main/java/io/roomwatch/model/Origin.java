package io.roomwatch.model;

/** How roomwatch learnt of a change. {@link #HISTORY} is reserved. */
public enum Origin {
    /** A difference between two polled snapshots. */
    POLL("poll"),
    /** A vendor callback (webhook). */
    CALLBACK("callback"),
    /** A vendor history API (e.g. Volcengine {@code ListUserInfo}). */
    HISTORY("history");

    private final String id;

    Origin(String id) {
        this.id = id;
    }

    /** The wire spelling. */
    public String id() {
        return id;
    }
}
