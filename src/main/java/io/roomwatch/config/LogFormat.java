package io.roomwatch.config;

/** How log lines are written to the standard output. */
public enum LogFormat {
    /** One human-readable line per event (the default). Configuration value {@code text}. */
    TEXT,
    /** One JSON object per line, for log shippers. Configuration value {@code json}. */
    JSON
}
