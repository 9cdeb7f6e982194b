package io.roomwatch.poll;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import java.util.List;

/**
 * What one committed batch did: emitted by {@link AppPoller#run()} after the batch is durable.
 *
 * @param app the app
 * @param observations observations in the batch (sweeps, member lists, gone rooms)
 * @param events the events committed, in order
 * @param liveRooms live rooms after the batch
 * @param members members present after the batch, over all live rooms
 */
public record CycleReport(AppKey app, int observations, List<PresenceEvent> events, int liveRooms, long members) {

    public CycleReport {
        events = List.copyOf(events);
    }
}
