package vn.sohoa.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port for a service a test starts on a port it must know beforehand (the development PKI names the service's
 * own address in its certificates). Taken below Linux's ephemeral range (32768–60999): a port the kernel handed out
 * with {@code new ServerSocket(0)} can be given again to any outgoing connection before the service binds it, which
 * made a test fail with "port already in use" when service processes ran beside it.
 */
public final class FreePort {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePort() {
    }

    public static int pick() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            try (ServerSocket probe = new ServerSocket(port)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }
}
