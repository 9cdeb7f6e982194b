package io.roomwatch.emulator;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What the emulator answers, and how: {@code fault} (if any) changes the delivery, e.g. a reset or a cut body.
 *
 * @param status HTTP status
 * @param contentType Content-Type header
 * @param body response body
 * @param fault the fault that shapes the delivery, or null for a normal answer
 */
record Reply(int status, String contentType, byte[] body, @Nullable Fault fault) {

    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body.getBytes(StandardCharsets.UTF_8), null);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply withFault(Fault fault) {
        return new Reply(status, contentType, body, fault);
    }
}
