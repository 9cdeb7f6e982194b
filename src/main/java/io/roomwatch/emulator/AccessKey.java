package io.roomwatch.emulator;

/**
 * One Volcengine access key pair. {@link #toString()} hides the secret.
 *
 * @param accessKeyId the AK sent in the {@code Credential} part of {@code Authorization}
 * @param secretAccessKey the SK used to derive the signing key
 */
public record AccessKey(String accessKeyId, String secretAccessKey) {

    public AccessKey {
        ArgumentChecks.notBlank(accessKeyId, "accessKeyId");
        ArgumentChecks.notBlank(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "AccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}
