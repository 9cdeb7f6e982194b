/**
 * The embedded broker: a real single-node Apache Kafka (KRaft) from Kafka's own artifacts, for the tests and the
 * {@code demo} command.
 */
@NullMarked
package io.roomwatch.broker;

import org.jspecify.annotations.NullMarked;
