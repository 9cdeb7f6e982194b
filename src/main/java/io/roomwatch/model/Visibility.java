package io.roomwatch.model;

/** Whether other participants see a member. Volcengine lists visible and invisible users separately. */
public enum Visibility {
    VISIBLE("visible"),
    INVISIBLE("invisible");

    private final String id;

    Visibility(String id) {
        this.id = id;
    }

    /** The wire spelling used in events: {@code visible} or {@code invisible}. */
    public String id() {
        return id;
    }
}
