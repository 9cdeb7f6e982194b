package io.roomwatch.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.EventType;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomRef;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final RoomRef ROOM =
            new RoomRef(AppKey.of(Provider.VOLCENGINE, "661e0000543cf").room("room-1"), "call-7f3a");

    @Test
    void idsArePinned_soAnUpgradeNeverChangesTheIdOfAnAlreadyPublishedTransition() {
        // Pinned from the README's example records; a change here breaks consumers' de-duplication.
        assertThat(EventIds.forRoom(EventType.ROOM_CREATED, ROOM)).isEqualTo("1875a558-dda9-5d27-bc53-7626620ff0b9");
        assertThat(EventIds.forMember(EventType.USER_JOINED, ROOM, "alice", 1))
                .isEqualTo("2ee126ef-3119-5c41-bbaa-03084a768638");
    }

    @Test
    void idsAreVersion5Uuids_distinctPerTypeUserAndJoin() {
        String joined = EventIds.forMember(EventType.USER_JOINED, ROOM, "alice", 1);
        UUID uuid = UUID.fromString(joined);

        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(joined)
                .isNotEqualTo(EventIds.forMember(EventType.USER_LEFT, ROOM, "alice", 1))
                .isNotEqualTo(EventIds.forMember(EventType.USER_JOINED, ROOM, "alice", 2))
                .isNotEqualTo(EventIds.forMember(EventType.USER_JOINED, ROOM, "bob", 1))
                .isNotEqualTo(EventIds.forMember(EventType.USER_JOINED, new RoomRef(ROOM.key(), "call-8"), "alice", 1));
    }
}
