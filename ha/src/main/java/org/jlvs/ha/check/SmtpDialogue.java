package org.jlvs.ha.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.jlvs.admin.http.Connector;

/**
 * One SMTP_CHECK conversation with one endpoint: expect a 220 greeting, send HELO, expect 250,
 * send QUIT and read one more line (its code is not checked, as in keepalived). The result is
 * null on success, else keepalived's message ("Bad greeting banner from server [addr]:port").
 */
final class SmtpDialogue {
    static final String BIND_FAILED = "";
    private static final int LINE_MAX = 512;

    private SmtpDialogue() {
    }

    /** null: passed; {@link #BIND_FAILED}: no source address; else the failure in keepalived's words. */
    static String talk(Target t, String helo) {
        String server = t.pair();
        Socket s;
        try {
            s = Connector.connect(t.to(), t.from(), t.timeout());
        } catch (Connector.ConnectException e) {
            return switch (e.failure()) {
                case TIMEOUT -> "Connection timeout to server " + server;
                case ERROR -> "Error connecting to server " + server;
                case BIND -> BIND_FAILED;
            };
        }
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String line = readLine(in, server);
            if (line.startsWith("\u0000")) {
                return line.substring(1);
            }
            if (status(line) != 220) {
                return "Bad greeting banner from server " + server;
            }
            String err = write(out, "HELO " + helo + "\r\n", server);
            if (err != null) {
                return err;
            }
            line = readLine(in, server);
            if (line.startsWith("\u0000")) {
                return line.substring(1);
            }
            if (status(line) != 250) {
                return "Bad HELO response from server " + server;
            }
            err = write(out, "QUIT\r\n", server);
            if (err != null) {
                return err;
            }
            line = readLine(in, server);
            return line.startsWith("\u0000") ? line.substring(1) : null;
        } catch (IOException e) {
            return null;  // the conversation was over; only the close complained
        }
    }

    /** A line without its newline, or NUL followed by the failure message. */
    private static String readLine(InputStream in, String server) {
        StringBuilder b = new StringBuilder();
        try {
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return "\u0000Read failure from server " + server;
                }
                if (c == '\n') {
                    return b.toString();
                }
                if (b.length() < LINE_MAX) {
                    b.append((char) c);
                }
            }
        } catch (SocketTimeoutException e) {
            return "\u0000Read timeout from server " + server;
        } catch (IOException e) {
            return "\u0000Read failure from server " + server;
        }
    }

    private static String write(OutputStream out, String text, String server) {
        try {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return null;
        } catch (SocketTimeoutException e) {
            return "Write timeout to server " + server;
        } catch (IOException e) {
            return "Write failure to server " + server;
        }
    }

    /** keepalived's smtp_get_status: three digits, then the end of the line or a space; else -1. */
    static int status(String line) {
        if (line.length() < 3) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return -1;
            }
        }
        if (line.length() > 3 && line.charAt(3) != ' ') {
            return -1;
        }
        return Integer.parseInt(line.substring(0, 3));
    }
}
