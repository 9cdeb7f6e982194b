package io.roomwatch.emulator.http;

import io.roomwatch.emulator.Fault;
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
public record Reply(int status, String contentType, byte[] body, @Nullable Fault fault) {

    public static final String JSON = "application/json; charset=utf-8";

    public static Reply json(int status, String body) {
        return new Reply(status, JSON, body.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply withFault(Fault fault) {
        return new Reply(status, contentType, body, fault);
    }
}
