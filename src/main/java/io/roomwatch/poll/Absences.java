package io.roomwatch.poll;

import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.Observation;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.provider.RtcProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For providers whose complete listings can still miss live rooms (Tencent live: pages drift while ViewCount
 * reorders the list), turns "absent from a complete sweep" into a question to the vendor: each absent room is probed,
 * and only a confirmed "gone" ends it. The sweep itself is then passed on as partial, so absence alone removes
 * nothing.
 */
final class Absences {

    private Absences() {}

    static Flux<Observation> confirm(RtcProvider provider, AppState state, RoomSweep sweep, int concurrency) {
        if (!provider.traits().listingMayMissLiveRooms()
                || !sweep.completeness().provesAbsence()) {
            return Flux.just(sweep);
        }
        Set<String> listed = sweep.rooms().stream().map(RoomSighting::roomId).collect(Collectors.toSet());
        List<RoomState> absent = state.live().values().stream()
                .filter(room -> !listed.contains(room.ref().key().roomId()))
                .sorted(Comparator.comparing(room -> room.ref().key()))
                .toList();
        return Flux.fromIterable(absent)
                .flatMapSequential(room -> probe(provider, room), concurrency)
                .collectList()
                .flatMapMany(answers -> Flux.concat(Flux.just(merged(sweep, answers)), gone(answers)));
    }

    private static Mono<Optional<Observation>> probe(RtcProvider provider, RoomState room) {
        return provider.probe(room.ref())
                .map(Optional::of)
                .onErrorResume(Failures::transientVendor, e -> Mono.just(Optional.empty())); // unknown: no conclusion
    }

    private static RoomSweep merged(RoomSweep sweep, List<Optional<Observation>> answers) {
        List<RoomSighting> rooms = new ArrayList<>(sweep.rooms());
        answers.stream()
                .flatMap(Optional::stream)
                .filter(RoomSweep.class::isInstance)
                .forEach(o -> rooms.addAll(((RoomSweep) o).rooms()));
        return new RoomSweep(
                sweep.app(), Completeness.PARTIAL, rooms, sweep.observedAt(), sweep.listedUntil(), sweep.seenFrom());
    }

    private static Flux<Observation> gone(List<Optional<Observation>> answers) {
        return Flux.fromStream(answers.stream().flatMap(Optional::stream).filter(RoomGone.class::isInstance));
    }
}
