package io.roomwatch.provider.budget;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * The permits waiting to be handed out, in the order they were reserved. A permit leaves only after every permit
 * reserved before it: one whose slot came while an earlier one still waits leaves right after it, so no caller can
 * lose its turn to later ones and starve. Not thread-safe: guarded by its budget's lock.
 */
final class TicketQueue {

    private final TreeMap<Long, Ticket> waiting = new TreeMap<>();
    private long next;
    /** The head, when the window holds it back until an earlier call is answered (the answer wakes it early). */
    private @Nullable Ticket blockedOnAnswer;

    /** A new ticket at the end of the queue, due at {@code slot}. */
    Ticket add(MonoSink<Void> sink, boolean awaitsAnswer, long slot) {
        Ticket ticket = new Ticket(next++, sink, awaitsAnswer);
        ticket.slot = slot;
        waiting.put(ticket.number, ticket);
        return ticket;
    }

    /** Whether {@code ticket} still waits (neither handed out nor cancelled). */
    boolean contains(Ticket ticket) {
        return waiting.containsKey(ticket.number);
    }

    /** The ticket next in turn, or null when none waits. */
    @Nullable
    Ticket head() {
        Map.Entry<Long, Ticket> first = waiting.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** Takes the head out: it is handed out. */
    void removeHead() {
        Ticket head = waiting.pollFirstEntry().getValue();
        if (blockedOnAnswer == head) {
            blockedOnAnswer = null;
        }
    }

    /** Takes a cancelled ticket out; false if it was not waiting any more. */
    boolean remove(Ticket ticket) {
        return waiting.remove(ticket.number) != null;
    }

    /** Every waiting ticket, in turn order (live: do not add or remove while iterating). */
    Collection<Ticket> inOrder() {
        return waiting.values();
    }

    void blockOnAnswer(Ticket head) {
        blockedOnAnswer = head;
    }

    void clearBlockedOnAnswer() {
        blockedOnAnswer = null;
    }

    /** The ticket an answer should wake, if any; it is no longer marked as blocked. */
    @Nullable
    Ticket takeBlockedOnAnswer() {
        Ticket ticket = blockedOnAnswer;
        blockedOnAnswer = null;
        return ticket;
    }
}
