package org.certboard.renewal.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A Bitstring Status List: bit 0 is the most significant bit of the first byte; encoded as GZIP, then base64url
 * without padding, prefixed with the multibase code {@code u}. A list of {@code statusSize}-bit entries keeps entry
 * {@code i} in bits {@code [i * statusSize, (i + 1) * statusSize)}, most significant bit first.
 */
public final class Bitstring {
    private final byte[] bits;

    public Bitstring(int size) {
        if (size % 8 != 0) {
            throw new IllegalArgumentException("a status list has a whole number of bytes");
        }
        this.bits = new byte[size / 8];
    }

    private Bitstring(byte[] bits) {
        this.bits = bits;
    }

    public int size() {
        return bits.length * 8;
    }

    public void set(int index) {
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }

    public boolean get(int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** Writes {@code value} into the {@code statusSize} bits of entry {@code entry}. */
    public void set(int entry, int statusSize, int value) {
        for (int bit = 0; bit < statusSize; bit++) {
            if ((value & (1 << (statusSize - 1 - bit))) != 0) {
                set(entry * statusSize + bit);
            }
        }
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static Bitstring decode(String encoded) {
        if (!encoded.startsWith("u")) {
            throw new IllegalArgumentException("not a multibase base64url string");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new Bitstring(gzip.readAllBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("the status list is not GZIP-compressed", e);
        }
    }
}
