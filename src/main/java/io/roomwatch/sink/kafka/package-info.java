/**
 * The Kafka side of roomwatch: how an event looks on the wire (record key, JSON value, CloudEvents binary-mode
 * headers). The only package that may use Kafka types, together with the Kafka state store.
 */
@NullMarked
package io.roomwatch.sink.kafka;

import org.jspecify.annotations.NullMarked;
