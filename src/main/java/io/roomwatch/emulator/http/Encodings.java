package io.roomwatch.emulator.http;

import io.roomwatch.emulator.FaultKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Compressed bodies for the {@link FaultKind#GZIP_BODY} and {@link FaultKind#DEFLATE_BODY} faults. */
final class Encodings {

    private Encodings() {}

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory streams do not fail", e);
        }
        return out.toByteArray();
    }

    /** {@code Content-Encoding: deflate} is the zlib format (RFC 9110 §8.4.1.2). */
    static byte[] zlib(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory streams do not fail", e);
        }
        return out.toByteArray();
    }
}
