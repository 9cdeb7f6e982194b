package io.roomwatch.config;

/** How the Kafka sink makes a poll cycle durable. */
public enum DeliveryMode {
    /**
     * The default: each poll cycle's events and the room states they lead to go to Kafka in one transaction; consumers
     * reading with {@code isolation.level=read_committed} see every event exactly once. A stable {@code
     * transactional.id} per app fences a zombie instance.
     */
    EXACTLY_ONCE,
    /**
     * No transactions: the idempotent producer sends the events, and the state records only after every event is
     * acknowledged. After a failure the cycle is redone, so an event may be published twice, with the same {@code
     * eventId}.
     */
    AT_LEAST_ONCE
}
