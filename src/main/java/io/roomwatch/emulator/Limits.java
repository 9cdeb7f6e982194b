package io.roomwatch.emulator;

import java.time.ZoneOffset;

/**
 * Paging and retention limits. The documented ones default to the documented values; the others are UNCONFIRMED.
 *
 * @param listRoomInfoCap rooms {@code ListRoomInfo} can list for one query; beyond it {@code HasMore=true} and
 *     {@code Total} stops at the cap (UNCONFIRMED, default 10 000)
 * @param lookBackDays how far back {@code StartTime} may lie, and how long finished calls are kept (documented 14)
 * @param maxSpanHours longer {@code [StartTime, EndTime]} spans are truncated to {@code StartTime} + this (documented 24)
 * @param liveMemberCap members {@code get_member_list} returns at most, across all pages (documented 1000)
 * @param liveMemberPageSize members per {@code get_member_list} page (UNCONFIRMED, default 100)
 * @param roomMemberMaxCount largest accepted {@code Count} of {@code get_room_member_list} (UNCONFIRMED, default 100;
 *     the default {@code Count} is the documented 50)
 * @param volcengineZone offset used to render RFC3339 times (default {@code +08:00}, as the doc samples)
 */
public record Limits(
        int listRoomInfoCap,
        int lookBackDays,
        int maxSpanHours,
        int liveMemberCap,
        int liveMemberPageSize,
        int roomMemberMaxCount,
        ZoneOffset volcengineZone) {

    public Limits {
        ArgumentChecks.positive(listRoomInfoCap, "listRoomInfoCap");
        ArgumentChecks.positive(lookBackDays, "lookBackDays");
        ArgumentChecks.positive(maxSpanHours, "maxSpanHours");
        ArgumentChecks.positive(liveMemberCap, "liveMemberCap");
        ArgumentChecks.positive(liveMemberPageSize, "liveMemberPageSize");
        ArgumentChecks.positive(roomMemberMaxCount, "roomMemberMaxCount");
    }

    /** 10 000, 14 days, 24 h, 1000, 100, 100, +08:00. */
    public static Limits defaults() {
        return new Limits(10_000, 14, 24, 1000, 100, 100, ZoneOffset.ofHours(8));
    }

    /** A copy with another {@code ListRoomInfo} cap. */
    public Limits withListRoomInfoCap(int cap) {
        return new Limits(
                cap, lookBackDays, maxSpanHours, liveMemberCap, liveMemberPageSize, roomMemberMaxCount, volcengineZone);
    }

    /** A copy with another {@code get_member_list} page size. */
    public Limits withLiveMemberPageSize(int size) {
        return new Limits(
                listRoomInfoCap, lookBackDays, maxSpanHours, liveMemberCap, size, roomMemberMaxCount, volcengineZone);
    }
}
