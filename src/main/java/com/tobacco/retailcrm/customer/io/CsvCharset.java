package com.tobacco.retailcrm.customer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set of an uploaded CSV. Excel on a Chinese Windows saves "CSV" in GBK, other tools in UTF-8 with
 * or without a byte-order mark. A BOM settles it; otherwise the whole file is checked as strict UTF-8 (streaming),
 * because GBK text is almost never valid UTF-8 while UTF-8 text always is; failing that it is GB18030, the
 * superset of GBK that decodes every GBK file.
 */
record CsvCharset(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    static CsvCharset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                return new CsvCharset(StandardCharsets.UTF_8, 3);
            }
        }
        return isStrictUtf8(file) ? new CsvCharset(StandardCharsets.UTF_8, 0) : new CsvCharset(GB18030, 0);
    }

    private static boolean isStrictUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[32 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes.put(buf, 0, n).flip();
                if (decode(decoder, bytes, chars, false)) {
                    return false;
                }
                bytes.compact();
            }
            bytes.flip();
            return !decode(decoder, bytes, chars, true);
        }
    }

    /** Decodes what is buffered; true when the bytes are not UTF-8. */
    private static boolean decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, end);
            chars.clear();
            if (r.isError()) {
                return true;
            }
            if (r.isUnderflow()) {
                return false;
            }
        }
    }
}
