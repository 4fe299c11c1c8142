package org.newsflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A port on this machine that nothing listens on now, for a broker or a service a test starts. */
public final class FreePorts {

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FreePorts() {
    }
}
