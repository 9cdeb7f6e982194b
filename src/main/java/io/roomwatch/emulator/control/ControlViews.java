package io.roomwatch.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.http.Faults;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.world.World;

/** JSON renderings of the ground truth for the control API. */
final class ControlViews {

    private ControlViews() {}

    static ObjectNode state(World world, Faults faults, boolean scenarioRunning) {
        ObjectNode state = Json.object().put("now", world.now()).put("scenarioRunning", scenarioRunning);
        ArrayNode rooms = state.putArray("rooms");
        world.rooms().forEach(room -> rooms.add(room(room)));
        state.set("volcengineCalls", Json.MAPPER.valueToTree(world.calls()));
        state.set("faults", faults(faults).get("faults"));
        state.put("latestSeq", world.changes(Long.MAX_VALUE - 1, 1).latestSeq());
        return state;
    }

    static ObjectNode room(TrueRoom room) {
        ObjectNode node = Json.object()
                .put("vendor", room.key().vendor().wireName())
                .put("app", room.key().app())
                .put("roomId", room.key().roomId())
                .put("incarnation", room.incarnation())
                .put("createdAtMillis", room.createdAtMillis())
                .put("viewCount", room.viewCount())
                .put("memberCount", room.memberCount());
        node.set("attributes", Json.MAPPER.valueToTree(room.attributes()));
        node.set("members", Json.MAPPER.valueToTree(room.members()));
        return node;
    }

    static ObjectNode faults(Faults faults) {
        ObjectNode node = Json.object();
        node.set("faults", Json.MAPPER.valueToTree(faults.active()));
        return node;
    }

    static ObjectNode changes(ChangePage page) {
        return Json.MAPPER.valueToTree(page);
    }
}
