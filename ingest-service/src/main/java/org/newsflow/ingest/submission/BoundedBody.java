package org.newsflow.ingest.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.newsflow.ingest.problem.ProblemException;

/** Reads a request body but never more than the limit: an oversized body is refused without being buffered. */
final class BoundedBody {

    static byte[] read(InputStream in, long limitBytes) {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limitBytes) {
                    throw ProblemException.tooLarge(limitBytes);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BoundedBody() {
    }
}
