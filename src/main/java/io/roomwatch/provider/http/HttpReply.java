package io.roomwatch.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A complete HTTP response: status and body, whatever the status. Vendor classifiers decide what it means.
 *
 * @param status the HTTP status code
 * @param body the body, at most the configured cap
 */
public record HttpReply(int status, byte[] body) {

    // a gateway's error page may echo the request URL or headers: never let a UserSig or signature through
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(usersig|signature|x-signature|authorization)([\"']?\\s*[=:]\\s*[\"']?)[^&\"'\\s<>,]+");

    /** The body as UTF-8 text, cut to {@code max} characters, credentials masked, for error messages. */
    public String excerpt(int max) {
        String text = masked(new String(body, StandardCharsets.UTF_8));
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /** {@code text} with anything shaped like a {@code usersig=}, {@code Signature=} or {@code Authorization:} value masked. */
    static String masked(String text) {
        return SECRETS.matcher(text).replaceAll("$1$2***");
    }
}
