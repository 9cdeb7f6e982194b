/**
 * The delivery SPI: {@link io.roomwatch.sink.EventSink}. The Kafka implementation lives in {@code io.roomwatch.kafka}.
 */
@NullMarked
package io.roomwatch.sink;

import org.jspecify.annotations.NullMarked;
