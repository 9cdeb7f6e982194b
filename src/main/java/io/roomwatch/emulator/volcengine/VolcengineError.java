package io.roomwatch.emulator.volcengine;

import org.jspecify.annotations.Nullable;

/**
 * A Volcengine {@code ResponseMetadata.Error} with its HTTP status (gateway codes:
 * https://www.volcengine.com/docs/6369/68677; RTC codes: https://www.volcengine.com/docs/6348/70426).
 *
 * @param code {@code Error.Code}
 * @param codeN {@code Error.CodeN}: present for gateway errors, absent for business ({@code InvalidParameter.*}) ones
 * @param status HTTP status
 * @param message {@code Error.Message}
 */
record VolcengineError(String code, @Nullable Integer codeN, int status, String message) {

    static VolcengineError missingParameter(String message) {
        return new VolcengineError("MissingParameter", 100002, 400, message);
    }

    static VolcengineError missingAuthenticationToken() {
        return new VolcengineError(
                "MissingAuthenticationToken", 100003, 401, "the request has no Authorization header");
    }

    static VolcengineError missingRequestInfo(String message) {
        return new VolcengineError("MissingRequestInfo", 100004, 400, message);
    }

    static VolcengineError missingSignature() {
        return new VolcengineError("MissingSignature", 100005, 401, "the Authorization header has no Signature");
    }

    static VolcengineError invalidTimestamp(int status, String message) {
        return new VolcengineError("InvalidTimestamp", 100006, status, message);
    }

    static VolcengineError serviceNotFound(String service) {
        return new VolcengineError("ServiceNotFound", 100007, 404, "service " + service + " not found");
    }

    static VolcengineError invalidActionOrVersion(String message) {
        return new VolcengineError("InvalidActionOrVersion", 100008, 404, message);
    }

    static VolcengineError invalidAccessKey(String accessKeyId) {
        return new VolcengineError("InvalidAccessKey", 100009, 401, "access key " + accessKeyId + " is not valid");
    }

    static VolcengineError signatureDoesNotMatch(String message) {
        return new VolcengineError("SignatureDoesNotMatch", 100010, 401, message);
    }

    static VolcengineError internalError() {
        return new VolcengineError("InternalError", 100014, 500, "internal error, please retry");
    }

    /** A business error, e.g. {@code InvalidParameter.OutofTimeRange}; carries no CodeN. */
    static VolcengineError invalidParameter(String code, int status, String message) {
        return new VolcengineError(code, null, status, message);
    }

    /** Business errors carry the doc example's empty {@code "Result": {}}. */
    boolean isBusiness() {
        return code.startsWith("InvalidParameter");
    }
}
