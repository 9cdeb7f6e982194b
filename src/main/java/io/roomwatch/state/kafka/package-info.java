/**
 * The Kafka state store: room state in a compacted topic, written by the Kafka sink in the same transaction as the
 * events ({@link io.roomwatch.state.kafka.StateRecords}), read back by {@link
 * io.roomwatch.state.kafka.KafkaSnapshotStore}.
 */
@NullMarked
package io.roomwatch.state.kafka;

import org.jspecify.annotations.NullMarked;
