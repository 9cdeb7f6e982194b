package io.roomwatch.emulator;

/**
 * Identifies a room: vendor product, app ({@code AppId} or decimal {@code sdkappid}) and room id. The same address can
 * be created again after it was destroyed; each life is one incarnation.
 */
public record RoomAddress(Vendor vendor, String app, String roomId) {

    public RoomAddress {
        ArgumentChecks.notBlank(app, "app");
        ArgumentChecks.notBlank(roomId, "roomId");
    }

    /** Shorthand for {@code new RoomAddress(vendor, app, roomId)}. */
    public static RoomAddress of(Vendor vendor, String app, String roomId) {
        return new RoomAddress(vendor, app, roomId);
    }

    @Override
    public String toString() {
        return vendor.wireName() + "/" + app + "/" + roomId;
    }
}
