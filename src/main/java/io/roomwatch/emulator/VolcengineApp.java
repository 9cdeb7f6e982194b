package io.roomwatch.emulator;

import java.util.List;

/**
 * A Volcengine RTC application and the access keys of the account that owns it. A request for this {@code AppId}
 * signed with a key of another app's account is answered {@code InvalidParameter.AccountIdMismatch}.
 *
 * @param appId the {@code AppId} query parameter
 * @param accessKeys at least one AK/SK pair
 */
public record VolcengineApp(String appId, List<AccessKey> accessKeys) {

    public VolcengineApp {
        ArgumentChecks.notBlank(appId, "appId");
        accessKeys = List.copyOf(accessKeys);
        if (accessKeys.isEmpty()) {
            throw new IllegalArgumentException("app " + appId + " needs at least one access key");
        }
    }

    /** An app with a single key pair. */
    public static VolcengineApp of(String appId, String accessKeyId, String secretAccessKey) {
        return new VolcengineApp(appId, List.of(new AccessKey(accessKeyId, secretAccessKey)));
    }
}
