package io.roomwatch.config;

import java.util.Objects;

/**
 * A credential (Volcengine secret access key, Tencent SDK secret key). Its {@code toString()} is {@code ***}, so a
 * secret never reaches a log line or an exception message by accident; only signers call {@link #reveal()}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret with this value.
     *
     * @throws IllegalArgumentException if {@code value} is empty (the message does not contain the value)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new Secret(value);
    }

    /** The clear value; for signing only, never for logging. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ***}. */
    @Override
    public String toString() {
        return "***";
    }
}
