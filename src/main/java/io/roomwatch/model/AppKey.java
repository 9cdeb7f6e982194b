package io.roomwatch.model;

import java.util.Objects;

/**
 * One watched application of one vendor: the unit that has its own credentials, rate budgets and state.
 *
 * @param provider the vendor API
 * @param appId the vendor's application id (Volcengine {@code AppId}, Tencent {@code SDKAppID})
 */
public record AppKey(Provider provider, String appId) implements Comparable<AppKey> {

    public AppKey {
        Objects.requireNonNull(provider, "provider");
        Ids.requireId(appId, "appId");
    }

    public static AppKey of(Provider provider, String appId) {
        return new AppKey(provider, appId);
    }

    /** The room {@code roomId} of this app. */
    public RoomKey room(String roomId) {
        return new RoomKey(this, roomId);
    }

    @Override
    public int compareTo(AppKey other) {
        int byProvider = provider.compareTo(other.provider);
        return byProvider != 0 ? byProvider : appId.compareTo(other.appId);
    }

    /** {@code provider/appId}, e.g. {@code volcengine/661e0000543cf}. */
    @Override
    public String toString() {
        return provider.id() + "/" + appId;
    }
}
