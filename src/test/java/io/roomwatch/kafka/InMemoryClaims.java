package io.roomwatch.kafka;

import io.roomwatch.model.AppKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** {@link Claims} in memory: instances sharing one {@link Log} see each other's claims in append order. */
final class InMemoryClaims implements Claims {

    private static final TopicPartition PARTITION = new TopicPartition("roomwatch.state", 0);

    private final Log log;
    private final String instance;

    InMemoryClaims(Log log, String instance) {
        this.log = log;
        this.instance = instance;
    }

    @Override
    public Claim claim(AppKey app) {
        return new Claim(instance, PARTITION, log.append(app, instance));
    }

    @Override
    public Optional<String> laterClaim(AppKey app, Claim ours) {
        return log.after(app, ours.offset());
    }

    @Override
    public void close() {}

    /** The claims of every instance, in order; the index is the offset. */
    static final class Log {

        private final List<AppKey> apps = new ArrayList<>();
        private final List<String> instances = new ArrayList<>();
        private int checks;

        synchronized long append(AppKey app, String instance) {
            apps.add(app);
            instances.add(instance);
            return apps.size() - 1L;
        }

        synchronized Optional<String> after(AppKey app, long offset) {
            checks++;
            Optional<String> later = Optional.empty();
            for (int i = (int) offset + 1; i < apps.size(); i++) {
                if (apps.get(i).equals(app)) {
                    later = Optional.of(instances.get(i));
                }
            }
            return later;
        }

        synchronized int size() {
            return apps.size();
        }

        /** How many times an instance checked for a later claim. */
        synchronized int checks() {
            return checks;
        }
    }
}
