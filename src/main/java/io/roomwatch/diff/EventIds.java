package io.roomwatch.diff;

import io.roomwatch.model.EventType;
import io.roomwatch.model.RoomRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: name-based UUIDs (version 5, RFC 9562 §5.5) of the transition they describe. The same
 * transition always gets the same id, so a re-emission after a crash can be deduplicated downstream; a re-join is a
 * different transition (its join count differs) and gets a new id.
 */
public final class EventIds {

    /** Namespace of roomwatch event ids; fixed forever, changing it would change every id. */
    private static final UUID NAMESPACE = UUID.fromString("2f0b7f4e-6a64-5d1c-9a3e-7c1b1b0f6d52");

    private EventIds() {}

    /** The id of a room event of {@code room}. */
    public static String forRoom(EventType type, RoomRef room) {
        return uuid(type.wireName() + '\n' + room.key() + '\n' + room.incarnation());
    }

    /** The id of the {@code joins}-th join of {@code userId} to {@code room}, or of the leave that ends it. */
    public static String forMember(EventType type, RoomRef room, String userId, int joins) {
        return uuid(type.wireName() + '\n' + room.key() + '\n' + room.incarnation() + '\n' + userId + '\n' + joins);
    }

    private static String uuid(String name) {
        byte[] hash = sha1(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    private static byte[] sha1(String name) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            return digest.digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-1", e);
        }
    }
}
