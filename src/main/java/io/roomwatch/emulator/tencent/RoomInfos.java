package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.http.Json;
import java.util.List;
import java.util.Map;

/** Renders a Tencent {@code RoomInfo}: defaults, then the room's stored attributes, then the computed fields. */
final class RoomInfos {

    private RoomInfos() {}

    /**
     * @param defaults every field with its default value, in the order the vendor documents them
     * @param computed fields the emulator owns ({@code RoomId}, {@code CreateTime}, ...), written last and kept in
     *     the position their default had
     */
    static ObjectNode render(TrueRoom room, Map<String, Object> defaults, List<Map.Entry<String, Object>> computed) {
        ObjectNode info = Json.object();
        defaults.forEach((name, value) -> info.set(name, Json.MAPPER.valueToTree(value)));
        room.attributes().forEach((name, value) -> info.set(name, Json.MAPPER.valueToTree(value)));
        computed.forEach(entry -> info.set(entry.getKey(), Json.MAPPER.valueToTree(entry.getValue())));
        return info;
    }

    static long createTimeSeconds(TrueRoom room) {
        return Long.parseLong(room.incarnation());
    }
}
