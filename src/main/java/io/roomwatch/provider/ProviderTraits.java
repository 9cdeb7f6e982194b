package io.roomwatch.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * What the engine must know about a vendor's answers beyond the calls of {@link RtcProvider}: facts of the vendor's
 * API, declared once by each provider ({@link RtcProvider#traits()}) instead of one yes/no method per vendor quirk.
 * Derive variants with the {@code withX} copies of {@link #NONE}.
 *
 * @param listingMayMissLiveRooms a <em>complete</em> room listing may still miss a live room, so a room absent from
 *     one is confirmed with {@link RtcProvider#probe} before it is destroyed. True for TUILiveKit: {@code
 *     get_room_list} is ordered by {@code ViewCount} and read page by page through a cursor
 *     (https://trtc.io/document/63421), so a room whose ViewCount changes while the pages are read can move from a
 *     page not yet read to one already read. False where the listing is ordered by something that does not change
 *     (Volcengine {@code ListRoomInfo} by creation time) or there is no listing (TUIRoomKit, whose rooms come from
 *     configuration)
 * @param probeNamesIncarnation {@link RtcProvider#probe} names the room id's live incarnation at the time of the
 *     call, so a probe made right after a member answer proves which incarnation the answer belongs to. True for
 *     Tencent: {@code get_room_info} returns the room's {@code CreateTime} (TUILiveKit https://trtc.io/document/63420,
 *     TUIRoomKit https://trtc.io/document/60704). False for Volcengine, whose probe ({@code GetRoomOnlineUsers},
 *     https://www.volcengine.com/docs/6348/1188355) says whether the room id exists, not since when: only the next
 *     listing can tell
 * @param memberRefresh how often the vendor refreshes a room's {@link RtcProvider#members} answer: an answer is a
 *     snapshot that cannot differ from the previous one until the next refresh, so the engine reads each room just
 *     after its learnt refresh instead of as often as the budget allows. {@link Duration#ZERO}: live data. TUILiveKit
 *     documents 40 s for {@code get_member_list} (https://trtc.io/document/66908); the source's {@code memberRefresh}
 *     setting, for every provider
 * @param memberApi the vendor's name of the member API ({@code GetRoomOnlineUsers}, {@code get_member_list}, {@code
 *     get_room_member_list}), to tag the engine's meters of member answers; empty if unnamed
 */
public record ProviderTraits(
        boolean listingMayMissLiveRooms, boolean probeNamesIncarnation, Duration memberRefresh, String memberApi) {

    /** No trait: complete listings show every live room, probes do not name incarnations, member answers are live. */
    public static final ProviderTraits NONE = new ProviderTraits(false, false, Duration.ZERO, "");

    public ProviderTraits {
        Objects.requireNonNull(memberRefresh, "memberRefresh");
        Objects.requireNonNull(memberApi, "memberApi");
        if (memberRefresh.isNegative()) {
            throw new IllegalArgumentException("memberRefresh must not be negative, was " + memberRefresh);
        }
    }

    /** A copy with {@link #listingMayMissLiveRooms()} set. */
    public ProviderTraits withListingMayMissLiveRooms(boolean value) {
        return new ProviderTraits(value, probeNamesIncarnation, memberRefresh, memberApi);
    }

    /** A copy with {@link #probeNamesIncarnation()} set. */
    public ProviderTraits withProbeNamesIncarnation(boolean value) {
        return new ProviderTraits(listingMayMissLiveRooms, value, memberRefresh, memberApi);
    }

    /** A copy with {@link #memberRefresh()} set ({@link Duration#ZERO}: live data). */
    public ProviderTraits withMemberRefresh(Duration value) {
        return new ProviderTraits(listingMayMissLiveRooms, probeNamesIncarnation, value, memberApi);
    }

    /** A copy with {@link #memberApi()} set. */
    public ProviderTraits withMemberApi(String value) {
        return new ProviderTraits(listingMayMissLiveRooms, probeNamesIncarnation, memberRefresh, value);
    }
}
