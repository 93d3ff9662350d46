package org.jlvs.admin.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A TCP connection as keepalived's checkers open it: optionally bound to a source address and
 * port, connected within the timeout, then reads limited to the same timeout.
 */
public final class Connector {

    /** Why a connection did not open, in the three ways keepalived's checkers tell apart. */
    public enum Failure {
        /** No answer within connect_timeout. */
        TIMEOUT,
        /** Refused, unreachable, reset. */
        ERROR,
        /** The source address could not be bound (keepalived reschedules without counting a failure). */
        BIND
    }

    /** Thrown when the connection does not open. */
    public static final class ConnectException extends Exception {
        private final Failure failure;

        ConnectException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private Connector() {
    }

    /**
     * An open socket to {@code to}, its reads limited to {@code timeout}.
     *
     * @param from null for any source address; port 0 for any source port
     */
    public static Socket connect(InetSocketAddress to, InetSocketAddress from, Duration timeout) throws ConnectException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket s = new Socket();
        try {
            if (from != null) {
                try {
                    s.bind(from);
                } catch (IOException e) {
                    throw new ConnectException(Failure.BIND, "bind " + from + ": " + e.getMessage());
                }
            }
            s.setSoTimeout(millis);
            s.setTcpNoDelay(true);
            s.connect(to, millis);
            return s;
        } catch (SocketTimeoutException e) {
            close(s);
            throw new ConnectException(Failure.TIMEOUT, e.getMessage());
        } catch (IOException e) {
            close(s);
            throw new ConnectException(Failure.ERROR, e.getMessage());
        } catch (ConnectException e) {
            close(s);
            throw e;
        }
    }

    static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
