package io.roomwatch.emulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The three vendor products the emulator serves; {@link #wireName()} is how the control API and files spell them. */
public enum Vendor {
    /** Volcengine RTC OpenAPI. */
    VOLCENGINE("volcengine"),
    /** Tencent TUILiveKit ({@code v4/live_engine_http_srv}). */
    TENCENT_LIVE("tencent-live"),
    /** Tencent TUIRoomKit / Conference ({@code v4/room_engine_http_srv}). */
    TENCENT_ROOM("tencent-room");

    private final String wireName;

    Vendor(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in URLs, JSON and scenario files, e.g. {@code tencent-live}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name (or the enum constant name, case-insensitively).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static Vendor fromWire(String name) {
        for (Vendor vendor : values()) {
            if (vendor.wireName.equals(name) || vendor.name().equals(name.toUpperCase(Locale.ROOT))) {
                return vendor;
            }
        }
        throw new IllegalArgumentException(
                "unknown vendor '" + name + "', expected volcengine, tencent-live or tencent-room");
    }
}
