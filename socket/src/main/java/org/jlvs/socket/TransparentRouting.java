package org.jlvs.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What transparent mode needs from the director's own stack: the realservers' replies are
 * addressed to the client, so packets that belong to one of our transparent sockets are marked
 * (nftables {@code socket transparent}) and routed to the local host by a policy rule, instead
 * of being forwarded to the client. Installed at start, removed at stop; a start also removes
 * what a killed director left behind.
 */
final class TransparentRouting {
    private static final Logger LOG = Logger.getLogger(TransparentRouting.class.getName());
    static final String MARK = "0x4a4c";
    static final String TABLE = "19020";
    static final String NFT_TABLE = "jlvs_transparent";

    private TransparentRouting() {
    }

    static void install() throws IOException {
        remove();
        run(List.of("nft", "-f", "-"), """
                table inet %s {
                  chain prerouting {
                    type filter hook prerouting priority mangle; policy accept;
                    meta l4proto { tcp, udp } socket transparent 1 meta mark set %s accept
                  }
                }
                """.formatted(NFT_TABLE, MARK), true);
        for (String fam : List.of("-4", "-6")) {
            run(List.of("ip", fam, "rule", "add", "fwmark", MARK, "lookup", TABLE), "", true);
            run(List.of("ip", fam, "route", "add", "local", fam.equals("-4") ? "0.0.0.0/0" : "::/0",
                    "dev", "lo", "table", TABLE), "", true);
        }
        LOG.info("transparent mode: replies to clients are delivered to the director (fwmark " + MARK
                + ", table " + TABLE + ")");
    }

    static void remove() {
        try {
            run(List.of("nft", "delete", "table", "inet", NFT_TABLE), "", false);
            for (String fam : List.of("-4", "-6")) {
                run(List.of("ip", fam, "rule", "del", "fwmark", MARK, "lookup", TABLE), "", false);
                run(List.of("ip", fam, "route", "flush", "table", TABLE), "", false);
            }
        } catch (IOException e) {
            LOG.fine("transparent mode cleanup: " + e.getMessage());
        }
    }

    private static void run(List<String> cmd, String stdin, boolean mustWork) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (mustWork && p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }
}
