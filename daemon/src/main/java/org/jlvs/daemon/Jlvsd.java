package org.jlvs.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import org.jlvs.admin.control.ControlPaths;
import org.jlvs.admin.control.Response;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.daemon.keepalived.KeepalivedOptions;
import org.jlvs.packet.PacketPlane;
import org.jlvs.packet.PacketPlaneConfig;
import org.jlvs.socket.SocketPlane;
import org.jlvs.socket.SocketPlaneConfig;
import org.jlvs.socket.SocketPlaneConfig.Endpoint;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code jlvsd}: the director. */
@CommandLine.Command(name = "jlvsd", mixinStandardHelpOptions = true, version = "jlvsd 0.1.0 (IPVS 1.2.1)",
        description = "The JLVS director: serves the IPVS table it is given, driven by ipvsadm over its control socket.")
public final class Jlvsd implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(Jlvsd.class.getName());

    @Option(names = "--data-plane", defaultValue = "socket", paramLabel = "socket|packet|none",
            description = "how traffic is forwarded: socket (a layer-4 proxy, default), packet (NAT/DR/TUN), none (table only)")
    String dataPlane;

    @Option(names = "--control-socket", paramLabel = "PATH",
            description = "control socket (default: $JLVS_CONTROL_SOCKET, else per network namespace under /run/jlvs)")
    Path controlSocket;

    @Option(names = "--rules", paramLabel = "FILE", description = "restore this ipvsadm -S rules file at start")
    Path rules;

    @Option(names = "--save-on-exit", paramLabel = "FILE", description = "save the table (ipvsadm -S -n form) when stopping")
    Path saveOnExit;

    @Option(names = "--fwmark-ports", paramLabel = "MARK=PROTO:ADDR:PORT[,...]",
            description = "where the socket plane serves a fwmark service (repeatable)")
    List<String> fwmarkPorts = new ArrayList<>();

    @Option(names = "--service-ports", paramLabel = "PROTO:VIP:0=PORT[,...]",
            description = "where the socket plane serves a port-zero persistent service (repeatable)")
    List<String> servicePorts = new ArrayList<>();

    @Option(names = "--proxy-protocol", paramLabel = "[ENDPOINT=]v1|v2",
            description = "send the PROXY protocol header to realservers: for all, or for one virtual service or realserver ADDR:PORT (repeatable)")
    List<String> proxyProtocol = new ArrayList<>();

    @Option(names = "--transparent", description = "connect to realservers from the client's own address (root, IP_TRANSPARENT)")
    boolean transparent;

    @Option(names = "--grace", defaultValue = "10", paramLabel = "SECONDS",
            description = "on SIGTERM, how long open connections may finish (default 10)")
    int graceSeconds;

    @Option(names = "--queue", defaultValue = "0", paramLabel = "N|A-B",
            description = "packet plane: the NFQUEUE queue, or a range balanced by flow with one thread per queue (default 0)")
    String queue;

    @Option(names = "--inside-if", paramLabel = "IFNAME",
            description = "packet plane: the interface towards the realservers (DR/TUN egress and its MTU)")
    String insideIf;

    @Option(names = "--threads", defaultValue = "0", description = "socket plane event loops (default: one per CPU)")
    int threads;

    @Option(names = "--example", description = "serve a built-in example: TCP 127.0.0.1:8080 (rr) over three small HTTP realservers on 127.0.0.1:8081-8083")
    boolean example;

    @Option(names = "--verbose", description = "log more")
    boolean verbose;

    /** keepalived's command line: -f keepalived.conf and the rest (org.jlvs.daemon.keepalived). */
    @CommandLine.Mixin
    KeepalivedOptions keepalived = new KeepalivedOptions();

    public static void main(String[] args) {
        int rc = new CommandLine(new Jlvsd()).execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    @Override
    public Integer call() throws Exception {
        Logs.setUp(verbose);
        Integer answered = keepalived.early(System.out, System.err);
        if (answered != null) {
            return answered;
        }
        if (graceSeconds < 0 || threads < 0) {
            System.err.println("jlvsd: --grace and --threads take a number of 0 or more");
            return 2;
        }
        if (!List.of("socket", "packet", "none").contains(dataPlane)) {
            System.err.println("jlvsd: --data-plane must be socket, packet or none");
            return 2;
        }
        SocketPlaneConfig planeConfig;
        try {
            planeConfig = planeConfig();
        } catch (IllegalArgumentException e) {
            System.err.println("jlvsd: " + e.getMessage());
            return 2;
        }
        PacketPlaneConfig packetConfig = null;
        if ("packet".equals(dataPlane)) {
            try {
                packetConfig = PacketPlaneConfig.parse(queue, insideIf);
            } catch (IllegalArgumentException e) {
                System.err.println("jlvsd: " + e.getMessage());
                return 2;
            }
        }
        IpvsTable table = new IpvsTable();
        DataPlane plane = null;
        if (packetConfig != null) {
            try {
                plane = new PacketDataPlane(PacketPlane.start(table, packetConfig));
            } catch (IllegalStateException | UnsatisfiedLinkError e) {
                LOG.warning("the packet data plane cannot run here (" + e.getMessage()
                        + "; it needs root and iptables NFQUEUE); staying in socket mode");
                dataPlane = "socket";
            }
        }
        if ("socket".equals(dataPlane)) {
            try {
                plane = new SocketDataPlane(new SocketPlane(table, planeConfig));
            } catch (IllegalStateException e) {
                System.err.println("jlvsd: " + e.getMessage());
                return 1;
            }
        }
        Director director = new Director(table, plane);

        ExampleRealservers realservers = null;
        if (example) {
            realservers = new ExampleRealservers("127.0.0.1", 8081, 3);
            ServiceKey key = ServiceKey.of(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080);
            List<Command> cmds = new ArrayList<>();
            cmds.add(new Command.AddService(ServiceConfig.of(key, "rr")));
            for (int p = 8081; p <= 8083; p++) {
                cmds.add(new Command.AddDest(key, DestConfig.of(IpAddress.parse("127.0.0.1"), p, Forwarding.MASQ, 1)));
            }
            Response r = director.apply(cmds);
            if (!r.ok()) {
                System.err.println("jlvsd: example: " + r.message());
                return 1;
            }
        }
        if (rules != null) {
            String err = RulesFile.restore(rules, director);
            if (err != null) {
                System.err.println("jlvsd: " + rules + ": " + err);
                return 1;
            }
        }

        Path socket = controlSocket != null ? controlSocket : ControlPaths.socket();
        CountDownLatch stopped = new CountDownLatch(1);
        Shutdown shutdown = new Shutdown(director, graceSeconds * 1000L, saveOnExit, stopped);
        ControlServer control = new ControlServer(socket, director, shutdown::run);
        shutdown.control = control;
        control.start();
        director.start();
        keepalived.attach(director, control);
        if (plane != null) {
            plane.sync();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "jlvsd-stop"));
        LOG.info("director running (data plane " + dataPlane + ", pid " + ProcessHandle.current().pid() + ")");
        if (example) {
            System.err.println("""
                    jlvsd: example: virtual service TCP 127.0.0.1:8080 (rr) -> 127.0.0.1:8081, :8082, :8083
                    jlvsd: try:  for i in 1 2 3 4 5 6; do curl -s http://127.0.0.1:8080/; done
                    jlvsd:       bin/ipvsadm -L -n        bin/ipvsadm -L -n --stats        bin/ipvsadm -L -n -c
                    jlvsd: stop with Ctrl-C""");
        }
        stopped.await();
        if (realservers != null) {
            realservers.close();
        }
        return 0;
    }

    private SocketPlaneConfig planeConfig() {
        Map<ServiceKey, List<Endpoint>> extra = new HashMap<>();
        for (String spec : fwmarkPorts) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--fwmark-ports wants MARK=PROTO:ADDR:PORT[,...], got " + spec);
            }
            int mark;
            try {
                mark = (int) Long.parseLong(spec.substring(0, eq));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--fwmark-ports: bad mark in " + spec);
            }
            List<Endpoint> eps = endpoints(spec.substring(eq + 1), "--fwmark-ports");
            boolean v6 = !eps.isEmpty() && eps.get(0).address().isV6();
            extra.computeIfAbsent(ServiceKey.fwmark(mark, v6), k -> new ArrayList<>()).addAll(eps);
        }
        for (String spec : servicePorts) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--service-ports wants PROTO:VIP:0=PORT[,...], got " + spec);
            }
            Endpoint svc = endpoint(spec.substring(0, eq), "--service-ports");
            ServiceKey key = ServiceKey.of(svc.protocol(), svc.address(), svc.port());
            for (String p : spec.substring(eq + 1).split(",")) {
                extra.computeIfAbsent(key, k -> new ArrayList<>()).add(new Endpoint(svc.protocol(), svc.address(), port(p, spec)));
            }
        }
        Map<String, Integer> byEndpoint = new HashMap<>();
        int all = 0;
        for (String spec : proxyProtocol) {
            int eq = spec.lastIndexOf('=');
            int v = version(eq < 0 ? spec : spec.substring(eq + 1));
            if (eq < 0) {
                all = v;
            } else {
                byEndpoint.put(spec.substring(0, eq), v);
            }
        }
        return new SocketPlaneConfig(extra, byEndpoint, all, transparent, 5000, threads);
    }

    private static int version(String v) {
        return switch (v) {
            case "v1", "1" -> 1;
            case "v2", "2" -> 2;
            default -> throw new IllegalArgumentException("--proxy-protocol: version must be v1 or v2, got " + v);
        };
    }

    private static List<Endpoint> endpoints(String list, String opt) {
        List<Endpoint> eps = new ArrayList<>();
        for (String s : list.split(",")) {
            eps.add(endpoint(s, opt));
        }
        return eps;
    }

    /** {@code tcp:10.0.0.1:80} or {@code udp:[2001:db8::1]:53}. */
    static Endpoint endpoint(String s, String opt) {
        int c1 = s.indexOf(':');
        int c2 = s.lastIndexOf(':');
        if (c1 < 0 || c2 <= c1) {
            throw new IllegalArgumentException(opt + ": want PROTO:ADDR:PORT, got " + s);
        }
        Protocol p;
        try {
            p = Protocol.valueOf(s.substring(0, c1).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(opt + ": unknown protocol in " + s);
        }
        String host = s.substring(c1 + 1, c2);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        IpAddress a = IpAddress.tryParse(host);
        if (a == null) {
            throw new IllegalArgumentException(opt + ": not a numeric address in " + s);
        }
        return new Endpoint(p, a, port(s.substring(c2 + 1), s));
    }

    private static int port(String p, String spec) {
        try {
            int n = Integer.parseInt(p.trim());
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("bad port '" + p + "' in " + spec);
    }
}
