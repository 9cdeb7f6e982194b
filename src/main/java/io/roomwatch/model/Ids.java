package io.roomwatch.model;

/** Argument checks shared by the model's records. */
final class Ids {

    private Ids() {}

    /** Vendor ids are opaque strings; the only thing we insist on is that they are not empty. */
    static String requireId(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
