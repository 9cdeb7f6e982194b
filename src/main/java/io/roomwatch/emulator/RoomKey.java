package io.roomwatch.emulator;

/**
 * Identifies a room: vendor product, app ({@code AppId} or decimal {@code sdkappid}) and room id. The same key can
 * be created again after it was destroyed; each life is one incarnation.
 */
public record RoomKey(Vendor vendor, String app, String roomId) {

    public RoomKey {
        Checks.notBlank(app, "app");
        Checks.notBlank(roomId, "roomId");
    }

    /** Shorthand for {@code new RoomKey(vendor, app, roomId)}. */
    public static RoomKey of(Vendor vendor, String app, String roomId) {
        return new RoomKey(vendor, app, roomId);
    }

    @Override
    public String toString() {
        return vendor.wireName() + "/" + app + "/" + roomId;
    }
}
