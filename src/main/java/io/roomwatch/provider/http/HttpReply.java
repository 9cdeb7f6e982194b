package io.roomwatch.provider.http;

import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP response: status and body, whatever the status. Vendor classifiers decide what it means.
 *
 * @param status the HTTP status code
 * @param body the body, at most the configured cap
 */
public record HttpReply(int status, byte[] body) {

    /** The body as UTF-8 text, cut to {@code max} characters, for error messages. */
    public String excerpt(int max) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
