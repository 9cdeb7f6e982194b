package io.roomwatch.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.CallbackCounts;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.http.Faults;
import io.roomwatch.emulator.http.HttpCall;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.http.Reply;
import io.roomwatch.emulator.scenario.ScenarioRunner;
import io.roomwatch.emulator.world.World;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The control API under {@code /__emulator/}: rooms, members, ViewCount, faults, scenario, ground truth and change
 * log (routes in docs/emulator.md). No vendor auth: the server is meant for loopback. Errors are JSON
 * {@code {"error": "..."}} with 400 (bad input), 404 (no such room/fault/route) or 409 (room already live).
 */
public final class ControlApi {

    /** Every control route starts with this. */
    public static final String PREFIX = "/__emulator/";

    private final World world;
    private final Faults faults;
    private final ScenarioRunner scenarios;
    private final Supplier<CallbackCounts> callbacks;

    /** The control API over {@code world}, {@code faults} and {@code scenarios}; callback counts all zero. */
    public ControlApi(World world, Faults faults, ScenarioRunner scenarios) {
        this(world, faults, scenarios, CallbackCounts::none);
    }

    /**
     * The control API over {@code world}, {@code faults} and {@code scenarios}, serving {@code GET
     * /__emulator/callbacks} from {@code callbacks} (called on a Netty thread, must not block).
     */
    public ControlApi(World world, Faults faults, ScenarioRunner scenarios, Supplier<CallbackCounts> callbacks) {
        this.world = world;
        this.faults = faults;
        this.scenarios = scenarios;
        this.callbacks = callbacks;
    }

    /** The reply to a call under {@link #PREFIX}. */
    public Reply handle(HttpCall call) {
        List<String> path = Arrays.asList(call.path().substring(PREFIX.length()).split("/"));
        try {
            return route(call, path);
        } catch (NoSuchElementException e) {
            return error(404, e.getMessage());
        } catch (IllegalStateException e) {
            return error(409, e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            return error(400, e.getMessage());
        }
    }

    private Reply route(HttpCall call, List<String> path) throws IOException {
        String head = path.get(0);
        return switch (head) {
            case "state" -> get(call, () -> ControlViews.state(world, faults, scenarios.running()));
            case "changes" -> get(call, () -> changes(call));
            case "rooms" -> rooms(call, path.subList(1, path.size()));
            case "faults" -> faults(call, path.subList(1, path.size()));
            case "scenario" -> scenario(call);
            case "callbacks" -> get(call, () -> Json.MAPPER.valueToTree(callbacks.get()));
            case "health" -> get(call, () -> Json.object().put("status", "UP").put("now", world.now()));
            default -> throw new NoSuchElementException("no control route " + call.path());
        };
    }

    private Reply rooms(HttpCall call, List<String> rest) throws IOException {
        if (rest.isEmpty() && call.method().equals("POST")) {
            ControlRequests.CreateRoom create = read(call, ControlRequests.CreateRoom.class);
            TrueRoom created = world.createRoom(create.spec());
            Objects.requireNonNullElse(create.members(), List.<ControlRequests.AddMember>of())
                    .forEach(m -> addMembers(created.key(), m));
            return json(201, ControlViews.room(world.room(created.key()).orElseThrow()));
        }
        if (rest.size() < 3) {
            throw new NoSuchElementException("expected /__emulator/rooms/{vendor}/{app}/{roomId}");
        }
        RoomAddress key = RoomAddress.of(Vendor.fromWire(rest.get(0)), rest.get(1), rest.get(2));
        return room(call, key, rest.subList(3, rest.size()));
    }

    private Reply room(HttpCall call, RoomAddress key, List<String> rest) throws IOException {
        String route = call.method() + " " + (rest.isEmpty() ? "" : rest.get(0));
        switch (route) {
            case "GET " -> {
                return json(200, ControlViews.room(world.room(key).orElseThrow(() -> missing(key))));
            }
            case "DELETE " -> {
                return world.destroyRoom(key) ? json(200, Json.object()) : error(404, "not live");
            }
            case "POST members" -> addMembers(key, read(call, ControlRequests.AddMember.class));
            case "DELETE members" -> world.leave(key, rest.get(rest.size() - 1));
            case "PUT view-count" -> world.setViewCount(
                    key, read(call, ControlRequests.ViewCount.class).viewCount());
            default -> throw new NoSuchElementException("no control route " + route + " for rooms");
        }
        return json(200, ControlViews.room(world.room(key).orElseThrow(() -> missing(key))));
    }

    private Reply faults(HttpCall call, List<String> rest) throws IOException {
        switch (call.method()) {
            case "GET" -> {
                return json(200, ControlViews.faults(faults));
            }
            case "POST" -> {
                long id = faults.add(read(call, ControlRequests.AddFault.class).fault());
                return json(201, Json.object().put("id", id));
            }
            case "DELETE" -> {
                if (rest.isEmpty()) {
                    faults.clear();
                } else if (!faults.remove(Long.parseLong(rest.get(0)))) {
                    throw new NoSuchElementException("no active fault " + rest.get(0));
                }
                return json(200, ControlViews.faults(faults));
            }
            default -> throw new NoSuchElementException("no control route " + call.method() + " faults");
        }
    }

    private Reply scenario(HttpCall call) throws IOException {
        switch (call.method()) {
            case "POST" -> scenarios.start(
                    call.body().length == 0
                            ? ScenarioConfig.demo()
                            : Json.MAPPER.readValue(call.body(), ScenarioConfig.class));
            case "DELETE" -> scenarios.stop();
            default -> throw new NoSuchElementException("no control route " + call.method() + " scenario");
        }
        return json(200, Json.object().put("running", scenarios.running()));
    }

    private ObjectNode changes(HttpCall call) {
        long since = Long.parseLong(Objects.requireNonNullElse(call.param("since"), "0"));
        int limit = Integer.parseInt(Objects.requireNonNullElse(call.param("limit"), "1000"));
        return ControlViews.changes(world.changes(since, limit));
    }

    private void addMembers(RoomAddress key, ControlRequests.AddMember members) {
        members.ids().forEach(id -> world.join(key, id, members.invisible()));
    }

    private static <T> T read(HttpCall call, Class<T> type) throws IOException {
        if (call.body().length == 0) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return Json.MAPPER.readValue(call.body(), type);
    }

    private static Reply get(HttpCall call, Supplier<? extends JsonNode> body) {
        if (!call.method().equals("GET")) {
            throw new NoSuchElementException("only GET " + call.path());
        }
        return json(200, body.get());
    }

    private static NoSuchElementException missing(RoomAddress key) {
        return new NoSuchElementException("room " + key + " is not live");
    }

    private static Reply json(int status, JsonNode body) {
        return Reply.json(status, Json.write(body));
    }

    private static Reply error(int status, String message) {
        return json(status, Json.object().put("error", message));
    }
}
