package io.roomwatch.model;

import java.util.Locale;

/** The vendor APIs roomwatch watches. The {@link #id()} is the spelling used in keys, events and configuration. */
public enum Provider {
    /** Volcengine RTC OpenAPI ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}). */
    VOLCENGINE("volcengine"),
    /** Tencent TUILiveKit REST ({@code live_engine_http_srv}). */
    TENCENT_LIVE("tencent-live"),
    /** Tencent TUIRoomKit (Conference) REST ({@code room_engine_http_srv}); it has no room-list API. */
    TENCENT_CONFERENCE("tencent-conference");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    /** The stable lower-case id, e.g. {@code tencent-live}. */
    public String id() {
        return id;
    }

    /**
     * The provider with this id.
     *
     * @throws IllegalArgumentException naming the accepted ids when {@code id} is unknown
     */
    public static Provider fromId(String id) {
        for (Provider p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown provider '" + id + "', expected one of volcengine, tencent-live, tencent-conference");
    }

    @Override
    public String toString() {
        return id;
    }
}
