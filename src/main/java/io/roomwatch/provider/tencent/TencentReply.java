package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.provider.http.VendorFields;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer ({@code response} is the {@code Response} object), or the vendor's {@code 100004} "room does
 * not exist", which is a typed result, not a failure.
 */
record TencentReply(JsonNode response, boolean roomMissing) {

    /** The {@code Next} cursor ({@code ""}: the listing is done); null when the answer has none. */
    @Nullable
    String next() {
        return VendorFields.cursor(response.get("Next"));
    }
}
