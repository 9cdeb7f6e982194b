package io.roomwatch.emulator.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One received HTTP request, fully read.
 *
 * @param method upper-case method
 * @param path path without query
 * @param query parameters decoded as an HTML form would ({@code +} and {@code %20} both become a space)
 * @param headers lower-case names; repeated headers joined with ","
 * @param body raw body, empty if none
 */
public record HttpCall(
        String method, String path, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {

    public HttpCall {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /**
     * Splits a request URI.
     *
     * @throws IllegalArgumentException if the query has broken percent-encoding
     */
    static HttpCall of(String method, String uri, Map<String, String> headers, byte[] body) {
        // QueryStringDecoder decodes '+' as a space: a client that sends a raw '+' in an RFC3339 offset gets
        // "12:00:00 08:00", as the real gateway would, and the time is then rejected as an invalid parameter.
        QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
        return new HttpCall(method, decoder.path(), decoder.parameters(), headers, body);
    }

    /** The first value of a query parameter, or null. */
    @Nullable
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A header's value ({@code ""} when absent); {@code lowerCaseName} as {@link #headers()} keys them. */
    public String header(String lowerCaseName) {
        return headers.getOrDefault(lowerCaseName, "");
    }
}
