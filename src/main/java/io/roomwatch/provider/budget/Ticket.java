package io.roomwatch.provider.budget;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;

/** One waiting permit. Fields other than the final ones are guarded by its budget's lock. */
final class Ticket {

    final long number;
    final MonoSink<Void> sink;
    /** Reserved through {@code paced}: its answer feeds the window rule. */
    final boolean awaitsAnswer;
    /** When it may be handed out, as far as the pace (or, once due, the window) says; timer nanoseconds. */
    long slot;
    /** Its hand-out number once handed out, -1 before. */
    long handOut = -1;
    /** Its slot has come: it leaves as soon as it heads the queue and the window allows. */
    boolean due;
    /** Bumped whenever it is moved to another slot: a wake-up scheduled for an older generation is moot. */
    int generation;

    @Nullable
    Disposable task;

    Ticket(long number, MonoSink<Void> sink, boolean awaitsAnswer) {
        this.number = number;
        this.sink = sink;
        this.awaitsAnswer = awaitsAnswer;
    }
}
