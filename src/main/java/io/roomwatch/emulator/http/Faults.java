package io.roomwatch.emulator.http;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fault switchboard: faults switched on and off at run time, by tests in the JVM or by the control API.
 * Thread-safe (synchronized; no I/O under the lock). The first active fault that matches a call applies to it.
 */
public final class Faults {

    /**
     * A switched-on fault.
     *
     * @param id handle for {@link #remove(long)}
     * @param fault the spec
     * @param remaining calls it will still affect, or {@link Fault#UNTIL_CLEARED}
     */
    public record Active(long id, Fault fault, int remaining) {}

    private final List<Active> active = new ArrayList<>();
    private long nextId = 1;

    /** Switches a fault on; returns its id. */
    public synchronized long add(Fault fault) {
        long id = nextId++;
        active.add(new Active(id, fault, fault.count()));
        return id;
    }

    /** Switches one fault off; false if it was not active (any more). */
    public synchronized boolean remove(long id) {
        return active.removeIf(a -> a.id() == id);
    }

    /** Switches every fault off. */
    public synchronized void clear() {
        active.clear();
    }

    /** The faults still active, in the order they were added. */
    public synchronized List<Active> active() {
        return List.copyOf(active);
    }

    /** Finds the first fault matching this call and uses up one of its calls; null if none matches. */
    synchronized @Nullable Fault take(Api api, String app, int page) {
        for (int i = 0; i < active.size(); i++) {
            Active candidate = active.get(i);
            if (candidate.fault().matches(api, app, page)) {
                consume(i, candidate);
                return candidate.fault();
            }
        }
        return null;
    }

    private void consume(int index, Active candidate) {
        if (candidate.remaining() == Fault.UNTIL_CLEARED) {
            return;
        }
        if (candidate.remaining() > 1) {
            active.set(index, new Active(candidate.id(), candidate.fault(), candidate.remaining() - 1));
        } else {
            active.remove(index);
        }
    }
}
