package org.jlvs.admin.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.sched.RandomSource;
import org.jlvs.core.sched.SchedContext;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.time.ManualClock;
import org.jlvs.core.tunable.Tunables;

/**
 * Replays one scheduler vector file (format: shared/schedulers/README.md) against the real table
 * and schedulers: the service is built through the same add/edit/delete paths ipvsadm uses, the
 * clock and twos's draws are the file's.
 */
public final class SchedReplay {

    /** What a replay printed and what went wrong. */
    public record Result(List<String> picks, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Twos's draws, as the file gives them. */
    private static final class ScriptedRandom implements RandomSource {
        final Deque<Integer> values = new ArrayDeque<>();

        @Override
        public int below(int bound) {
            Integer v = values.poll();
            if (v == null) {
                throw new IllegalStateException("the scheduler drew a random number the step did not give");
            }
            if (v < 0 || v >= bound) {
                throw new IllegalStateException("given draw " + v + " is outside [0, " + bound + ")");
            }
            return v;
        }
    }

    private final ManualClock clock = new ManualClock(0);
    private final ScriptedRandom random = new ScriptedRandom();
    private final Tunables tunables = new Tunables();
    private final IpvsTable table = new IpvsTable(new SchedContext(clock, random, tunables));
    private final List<String> picks = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Flow flow = new Flow();

    private ServiceKey key;
    private String scheduler;
    private Protocol proto;
    private IpAddress vip;
    private int vport;

    public static Result run(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        return new SchedReplay().replay(root);
    }

    public static Result run(String json) throws IOException {
        return new SchedReplay().replay(new ObjectMapper().readTree(json));
    }

    private Result replay(JsonNode root) {
        try {
            build(root);
            int n = 0;
            for (JsonNode step : root.path("steps")) {
                n++;
                step(n, step);
            }
        } catch (IpvsException | RuntimeException e) {
            failures.add("replay stopped: " + e.getMessage());
        }
        return new Result(picks, failures);
    }

    private void build(JsonNode root) throws IpvsException {
        scheduler = text(root, "scheduler");
        JsonNode params = root.path("params");
        if (params.has("profile")) {
            tunables.set("profile", params.get("profile").asText());
        }
        if (params.has("sh_tab_bits")) {
            tunables.shTabBits = kconfig(params, "sh_tab_bits", 4, 20);
        }
        if (params.has("mh_tab_index")) {
            tunables.mhTabIndex = kconfig(params, "mh_tab_index", 8, 17);
        }
        if (params.has("hsiphash")) {
            tunables.hsiphash32 = switch (params.get("hsiphash").asText()) {
                case "64bit" -> false;
                case "32bit" -> true;
                default -> throw new IllegalArgumentException("hsiphash must be 64bit or 32bit");
            };
        }
        if (params.has("lblc_expiration")) {
            tunables.lblcExpiration = params.get("lblc_expiration").asInt();
        }
        if (params.has("lblcr_expiration")) {
            tunables.lblcrExpiration = params.get("lblcr_expiration").asInt();
        }
        JsonNode svc = root.path("service");
        vip = IpAddress.parse(svc.path("vip").asText("10.0.0.100"));
        vport = svc.path("vport").asInt(80);
        proto = Protocol.valueOf(svc.path("proto").asText("tcp").toUpperCase(java.util.Locale.ROOT));
        key = ServiceKey.of(proto, vip, vport);
        int flags = flags(root.path("flags"));
        boolean bulk = "bulk".equals(root.path("build").asText("incremental"));

        table.addService(ServiceConfig.of(key, bulk ? "none" : scheduler).withFlags(flags));
        for (JsonNode d : root.path("destinations")) {
            IpAddress a = IpAddress.parse(text(d, "addr"));
            DestConfig c = DestConfig.of(a, d.path("port").asInt(), forwardingFor(a), d.path("weight").asInt())
                    .withThresholds(d.path("u_threshold").asInt(0), d.path("l_threshold").asInt(0));
            table.addDest(key, c);
        }
        if (bulk) {
            table.editService(ServiceConfig.of(key, scheduler).withFlags(flags));
        }
        for (JsonNode d : root.path("destinations")) {
            Destination dest = dest(IpAddress.parse(text(d, "addr")).toUriString() + ":" + d.path("port").asInt());
            dest.setCounters(d.path("activeconns").asInt(0), d.path("inactconns").asInt(0));
            for (JsonNode f : d.path("flags")) {
                if ("overload".equals(f.asText())) {
                    dest.setOverloaded(true);
                }
            }
        }
        if (root.has("list_order")) {
            List<String> want = new ArrayList<>();
            root.get("list_order").forEach(x -> want.add(x.asText()));
            List<String> got = listOrder();
            if (!want.equals(got)) {
                failures.add("list order after the build is " + got + ", expected " + want);
            }
        }
    }

    /** A Kconfig value, within the range its Kconfig entry allows. */
    private static int kconfig(JsonNode params, String name, int min, int max) {
        int v = params.get(name).asInt();
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max);
        }
        return v;
    }

    private Forwarding forwardingFor(IpAddress a) {
        // a realserver of the other family is only allowed as a tunnel, as in the kernel
        return a.isV6() == vip.isV6() ? Forwarding.MASQ : Forwarding.TUNNEL;
    }

    private static int flags(JsonNode arr) {
        int f = 0;
        for (JsonNode x : arr) {
            f |= switch (x.asText()) {
                case "sh-fallback", "mh-fallback", "flag-1" -> SchedFlags.SCHED1;
                case "sh-port", "mh-port", "flag-2" -> SchedFlags.SCHED2;
                case "flag-3" -> SchedFlags.SCHED3;
                default -> throw new IllegalArgumentException("unknown scheduler flag " + x.asText());
            };
        }
        return f;
    }

    private List<String> listOrder() {
        List<String> l = new ArrayList<>();
        for (Destination d : svc().destinations()) {
            l.add(d.endpoint());
        }
        return l;
    }

    private VirtualService svc() {
        return table.service(key);
    }

    private void step(int n, JsonNode s) throws IpvsException {
        String op = text(s, "op");
        String where = "step " + n + " (" + op + ")";
        switch (op) {
            case "schedule" -> schedule(where, s);
            case "conn_established" -> dest(text(s, "dest")).activate(true);
            case "conn_closed" -> dest(text(s, "dest"))
                    .unbindConn(!"inactive".equals(s.path("was").asText("active")), tunables.profile);
            case "set_counters" -> {
                Destination d = dest(text(s, "dest"));
                d.setCounters(s.path("activeconns").asInt(d.activeConns()), s.path("inactconns").asInt(d.inactConns()));
            }
            case "set_overload" -> dest(text(s, "dest")).setOverloaded(s.path("value").asBoolean());
            case "set_weight", "edit_dest" -> {
                Destination d = dest(text(s, "dest"));
                DestConfig c = d.config();
                c = c.withWeight(s.path("weight").asInt(c.weight()))
                        .withThresholds(s.path("u_threshold").asInt(c.upperThreshold()),
                                s.path("l_threshold").asInt(c.lowerThreshold()));
                table.editDest(key, c);
            }
            case "add_dest" -> {
                Endpoint e = Endpoint.parse(text(s, "dest"));
                DestConfig c = DestConfig.of(e.addr(), e.port(), forwardingFor(e.addr()), s.path("weight").asInt(1))
                        .withThresholds(s.path("u_threshold").asInt(0), s.path("l_threshold").asInt(0));
                table.addDest(key, c);
                // revived or, once the trash let it go, created afresh: either way it is live again
                deleted.removeIf(x -> x.address().equals(e.addr()) && x.port() == e.port());
            }
            case "del_dest" -> {
                Endpoint e = Endpoint.parse(text(s, "dest"));
                Destination d = svc().findDest(e.addr(), e.port());
                table.deleteDest(key, e.addr(), e.port());
                deleted.add(d);
            }
            case "set_flags" -> {
                ServiceConfig c = svc().config();
                int keep = c.flags() & ~SchedFlags.SCHED_MASK;
                table.editService(c.withFlags(keep | flags(s.path("flags"))));
            }
            case "advance_time" -> {
                long to = clock.millis() + Math.round(s.path("seconds").asDouble() * 1000);
                clock.set(to);
                // the scheduler's timers only: the format revives every deleted server from the
                // trash, so the table's trash expiry (120 s idle) must not free one
                svc().tick(to);
            }
            case "check" -> check(where, s);
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private void schedule(String where, JsonNode s) {
        Endpoint c = Endpoint.parse(text(s, "client"));
        IpAddress dst = s.has("dst") ? IpAddress.parse(s.get("dst").asText()) : vip;
        String p = s.path("proto").asText(proto.lowerName());
        int pnum = switch (p) {
            case "tcp" -> Flow.IPPROTO_TCP;
            case "udp" -> Flow.IPPROTO_UDP;
            case "sctp" -> Flow.IPPROTO_SCTP;
            case "icmp" -> c.addr().isV6() ? Flow.IPPROTO_ICMPV6 : Flow.IPPROTO_ICMP;
            default -> throw new IllegalArgumentException("unknown proto " + p);
        };
        random.values.clear();
        for (JsonNode r : s.path("rand")) {
            random.values.add(r.asInt());
        }
        flow.set(pnum, c.addr(), c.port(), dst, vport);
        Destination d = svc().schedule(flow);
        String got = d == null ? "none" : d.endpoint();
        picks.add(got);
        if (s.has("expect")) {
            JsonNode e = s.get("expect");
            String want = e.isNull() ? "none" : e.asText();
            if (!want.equals(got)) {
                failures.add(where + ": client " + c + " got " + got + ", expected " + want);
            }
        }
        if (!random.values.isEmpty()) {
            failures.add(where + ": " + random.values.size() + " given draw(s) not used");
        }
        if (d != null) {
            switch (s.path("conn").asText("active")) {
                case "active" -> d.bindConn(true, tunables.profile);
                case "inactive" -> d.bindConn(false, tunables.profile);
                case "none" -> {
                }
                default -> throw new IllegalArgumentException("unknown conn " + s.get("conn").asText());
            }
        }
    }

    private void check(String where, JsonNode s) {
        Destination d = dest(text(s, "dest"));
        expectInt(where, d, "activeconns", s, d.activeConns());
        expectInt(where, d, "inactconns", s, d.inactConns());
        expectInt(where, d, "weight", s, d.weight());
        if (s.has("overloaded") && s.get("overloaded").asBoolean() != d.overloaded()) {
            failures.add(where + ": " + d + " overloaded is " + d.overloaded() + ", expected " + s.get("overloaded"));
        }
    }

    private void expectInt(String where, Destination d, String field, JsonNode s, int actual) {
        if (s.has(field) && s.get(field).asInt() != actual) {
            failures.add(where + ": " + d + " " + field + " is " + actual + ", expected " + s.get(field).asInt());
        }
    }

    /** A destination of the service, or one deleted from it (its connections live on). */
    private Destination dest(String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        Destination d = svc().findDest(e.addr(), e.port());
        if (d == null) {
            d = deleted.stream().filter(x -> x.address().equals(e.addr()) && x.port() == e.port()).findFirst().orElse(null);
        }
        if (d == null) {
            throw new IllegalArgumentException("no destination " + endpoint);
        }
        return d;
    }

    private final List<Destination> deleted = new ArrayList<>();

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return v.asText();
    }

    /** {@code a.b.c.d:port} or {@code [v6]:port}. */
    record Endpoint(IpAddress addr, int port) {
        static Endpoint parse(String s) {
            int colon = s.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not an endpoint: " + s);
            }
            String host = s.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Endpoint(IpAddress.parse(host), Integer.parseInt(s.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return addr.toUriString() + ":" + port;
        }
    }
}
