package io.roomwatch.emulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every vendor API the emulator serves, with its documented per-app rate limit (calls per second).
 * Volcengine APIs are named by {@code Action}; Tencent ones by the command in {@code /v4/{service}/{command}}.
 */
public enum Api {
    /**
     * Volcengine {@code ListRoomInfo}, 60 req/s in the revision of https://www.volcengine.com/docs/6348/156026 the
     * emulator follows (seed 000); the page's revision of 2024-07-18 says 10 req/s.
     */
    LIST_ROOM_INFO(Vendor.VOLCENGINE, "ListRoomInfo", 60, Set.of("2020-12-01", "2023-11-01")),
    /** Volcengine {@code GetRoomOnlineUsers}, 40 QPS (https://www.volcengine.com/docs/6348/1188355). */
    GET_ROOM_ONLINE_USERS(Vendor.VOLCENGINE, "GetRoomOnlineUsers", 40, Set.of("2023-11-01", "2023-08-01")),
    /** TUILiveKit {@code get_room_list}, 10/s (https://trtc.io/document/63421). */
    LIVE_GET_ROOM_LIST(Vendor.TENCENT_LIVE, "get_room_list", 10, Set.of()),
    /** TUILiveKit {@code get_room_info}, 200/s (https://trtc.io/document/63420). */
    LIVE_GET_ROOM_INFO(Vendor.TENCENT_LIVE, "get_room_info", 200, Set.of()),
    /** TUILiveKit {@code get_member_list}, 200/s (https://trtc.io/document/66908). */
    LIVE_GET_MEMBER_LIST(Vendor.TENCENT_LIVE, "get_member_list", 200, Set.of()),
    /** TUIRoomKit {@code get_room_info}, 200/s (https://trtc.io/document/60704). */
    ROOM_GET_ROOM_INFO(Vendor.TENCENT_ROOM, "get_room_info", 200, Set.of()),
    /** TUIRoomKit {@code get_room_member_list}, 200/s (https://trtc.io/document/60715). */
    ROOM_GET_ROOM_MEMBER_LIST(Vendor.TENCENT_ROOM, "get_room_member_list", 200, Set.of());

    private final Vendor vendor;
    private final String wireName;
    private final int documentedPerSecond;
    private final Set<String> versions;

    Api(Vendor vendor, String wireName, int documentedPerSecond, Set<String> versions) {
        this.vendor = vendor;
        this.wireName = wireName;
        this.documentedPerSecond = documentedPerSecond;
        this.versions = versions;
    }

    /** The product this API belongs to. */
    public Vendor vendor() {
        return vendor;
    }

    /** The vendor's own name: the Volcengine {@code Action} or the Tencent command. */
    public String wireName() {
        return wireName;
    }

    /** The documented rate limit per app, in calls per second. */
    public int documentedPerSecond() {
        return documentedPerSecond;
    }

    /** The constant name in lower case, e.g. {@code live_get_room_list}, as the control API spells it. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #key()} or the constant name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static Api fromKey(String key) {
        return Api.valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** The Volcengine API named {@code action} ({@code ListRoomInfo}, ...), if served. */
    public static Optional<Api> volcengine(String action) {
        for (Api api : values()) {
            if (api.vendor == Vendor.VOLCENGINE && api.wireName.equals(action)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** {@code vendor}'s Tencent API {@code command} ({@code get_room_list}, ...), if served. */
    public static Optional<Api> tencent(Vendor vendor, String command) {
        for (Api api : values()) {
            if (api.vendor == vendor && api.wireName.equals(command)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** Whether this (Volcengine) API is served in {@code version}, e.g. {@code 2020-12-01}. */
    public boolean acceptsVersion(String version) {
        return versions.contains(version);
    }
}
