package org.jlvs.admin.ipvsadm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Port names as getservbyname/getservbyport read them from /etc/services: a name or alias for a
 * protocol gives the port of the first matching line; a port gives the official name of the
 * first line with that port and protocol.
 */
final class ServicesFile {
    private record Entry(String name, List<String> aliases, int port, String proto) {
    }

    /** Used only when the host has no /etc/services, so the common names still work. */
    private static final String FALLBACK = """
            ssh 22/tcp
            smtp 25/tcp mail
            domain 53/tcp
            domain 53/udp
            http 80/tcp www
            https 443/tcp
            https 443/udp
            """;

    private static final ServicesFile SYSTEM = load(Path.of("/etc/services"));

    private final List<Entry> entries;

    private ServicesFile(List<Entry> entries) {
        this.entries = entries;
    }

    static ServicesFile system() {
        return SYSTEM;
    }

    static ServicesFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            text = FALLBACK;
        }
        return parse(text);
    }

    static ServicesFile parse(String text) {
        List<Entry> list = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            String[] f = line.trim().split("[ \t]+");
            if (f.length < 2) {
                continue;
            }
            int slash = f[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            Long port = Numbers.strtol(f[1].substring(0, slash));
            if (port == null || port < 0 || port > 65535) {
                continue;
            }
            List<String> aliases = List.of(f).subList(2, f.length);
            list.add(new Entry(f[0], aliases, port.intValue(), f[1].substring(slash + 1)));
        }
        return new ServicesFile(list);
    }

    /** getservbyname: the port, or -1. */
    int port(String name, String proto) {
        for (Entry e : entries) {
            if (e.proto.equals(proto) && (e.name.equals(name) || e.aliases.contains(name))) {
                return e.port;
            }
        }
        return -1;
    }

    /** getservbyport: the official name, or null. */
    String name(int port, String proto) {
        for (Entry e : entries) {
            if (e.port == port && e.proto.equals(proto)) {
                return e.name;
            }
        }
        return null;
    }
}
