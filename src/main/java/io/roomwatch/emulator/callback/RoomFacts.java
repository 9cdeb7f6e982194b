package io.roomwatch.emulator.callback;

/**
 * What Tencent callbacks say about a room besides the change itself, remembered from its creation because the room
 * is gone from the world by the time its destruction is reported.
 *
 * @param roomName {@code RoomName} (the room id unless the room was created with one)
 * @param owner {@code Owner_Account} ("" unless the room was created with one, as the REST answers)
 * @param createTimeSeconds {@code CreateTime}, unix seconds (the Tencent incarnation)
 * @param memberCount members after the change (TUIRoomKit {@code MemberCount})
 */
record RoomFacts(String roomName, String owner, long createTimeSeconds, int memberCount) {

    RoomFacts withMemberCount(int count) {
        return new RoomFacts(roomName, owner, createTimeSeconds, Math.max(0, count));
    }
}
