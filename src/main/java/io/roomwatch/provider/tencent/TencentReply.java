package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer ({@code response} is the {@code Response} object), or the vendor's {@code 100004} "room does
 * not exist", which is a typed result, not a failure.
 */
record TencentReply(JsonNode response, boolean roomMissing) {

    /** The {@code Next} cursor; {@code ""} when the listing is done or the field is absent. */
    String next() {
        return response.path("Next").asText("");
    }
}
