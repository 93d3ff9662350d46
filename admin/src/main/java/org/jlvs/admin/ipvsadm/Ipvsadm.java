package org.jlvs.admin.ipvsadm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.TableSnapshot;
import org.jlvs.core.table.TableSnapshot.ServiceView;

/**
 * The {@code ipvsadm} tool, byte for byte as ipvsadm 1.31: one command line is parsed
 * ({@link ArgParser}), checked against the command's options ({@link OptionCheck}) and the
 * rules ipvsadm applies before calling the kernel, then run against an {@link IpvsControl}.
 * A refused change prints the kernel's error text and gives status -1 (255); -R runs each input
 * line the same way and ends with the status of the last one.
 */
public final class Ipvsadm {
    /** argv[0] as the golden cases call it; it appears in the "Try" line. */
    static final String PROGRAM = "ipvsadm";
    private static final String CONN_PROC_FILE = "/proc/net/ip_vs_conn";

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final IpvsControl ctl;
    private final ServicesFile services = ServicesFile.system();
    private RestoreReader restoreReader;

    private Ipvsadm(InputStream stdin, PrintStream out, PrintStream err, IpvsControl ctl) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.ctl = ctl;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, new LocalControl()));
    }

    /**
     * Runs one ipvsadm invocation.
     *
     * @param args  the arguments after the program name
     * @param stdin what -R reads
     * @return the exit status (0, 1, 2 or 255)
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, IpvsControl ctl) {
        Ipvsadm tool = new Ipvsadm(stdin, out, err, ctl);
        try {
            String why = ctl.initError();
            if (why != null) {
                throw new Exit(2, null, "Can't initialize ipvs: " + why
                        + "\nAre you sure that IP Virtual Server is built in the kernel or as module?");
            }
            if (args.length == 0) {
                // no arguments: list, with names resolved
                tool.listAll(0);
                return 0;
            }
            return tool.process(args, false) & 0xFF;
        } catch (Exit e) {
            if (e.stdout != null) {
                out.print(e.stdout);
            }
            if (e.stderr != null) {
                err.print(e.stderr + "\n");
            }
            return e.status & 0xFF;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** ipvsadm's process_options: one command line; 0 or -1 (a refusal or a popt error). */
    private int process(String[] args, boolean readingStdin) {
        Entry ce;
        try {
            ce = ArgParser.parse(args, services);
        } catch (ArgParser.PoptError e) {
            err.print(e.getMessage() + "\n");
            return -1;
        }
        OptionCheck.command(ce.cmd, ce.options);

        if (ce.cmd == Cmd.ADD || ce.cmd == Cmd.EDIT) {
            if (ce.fwmark == 0 && ce.svc.port == 0 && (ce.flags & SchedFlags.PERSISTENT) == 0) {
                throw Exit.fail("Zero port specified for non-persistent service");
            }
            if ((ce.flags & SchedFlags.ONEPACKET) != 0 && ce.fwmark == 0 && ce.protocol != Protocol.UDP) {
                throw Exit.fail("One-Packet Scheduling is only for UDP virtual services");
            }
            if (ce.sched.isEmpty()) {
                ce.sched = "wlc";
            }
        }
        if (ce.cmd == Cmd.STARTDAEMON && ce.mcastInterface.isEmpty()) {
            ce.mcastInterface = "eth0";
        }
        if (ce.cmd == Cmd.ADDDEST || ce.cmd == Cmd.EDITDEST) {
            serverRules(ce);
        }

        switch (ce.cmd) {
            case LIST -> {
                list(ce);
                return 0;
            }
            case RESTORE -> {
                return restore(readingStdin);
            }
            case SAVE -> {
                listAll(ce.format | Fmt.RULE);
                return 0;
            }
            case STARTDAEMON, STOPDAEMON -> {
                return daemon(ce);
            }
            default -> {
                return change(ce);
            }
        }
    }

    /** What ipvsadm settles for -a/-e before the kernel sees the server. */
    private static void serverRules(Entry ce) {
        // DR and tunnel servers take the service's port, whatever was typed (not for fwmark services)
        if (ce.fwmark == 0 && (ce.forwarding == Forwarding.TUNNEL || ce.forwarding == Forwarding.ROUTE)) {
            ce.destPort = ce.svc.port;
        }
        if (ce.destAf != ce.svc.af && ce.forwarding != Forwarding.TUNNEL) {
            throw Exit.fail("Different address family is allowed only for tunneling servers");
        }
        boolean tunnelOptions = ce.has(Opt.TUN_TYPE) || ce.has(Opt.TUN_PORT) || ce.has(Opt.TUN_NOCSUM)
                || ce.has(Opt.TUN_CSUM) || ce.has(Opt.TUN_REMCSUM);
        if (tunnelOptions && ce.forwarding != Forwarding.TUNNEL) {
            throw Exit.fail("Tunnel options conflict with forward method");
        }
        if (ce.forwarding == Forwarding.TUNNEL) {
            OptionCheck.tunnel(ce.tunnelType, ce.options);
        }
    }

    // ------------------------------------------------------------------ changes

    private int change(Entry ce) {
        ErrorText.Call call;
        Command cmd;
        switch (ce.cmd) {
            case FLUSH -> {
                call = ErrorText.Call.OTHER;
                cmd = new Command.Clear();
            }
            case ADD -> {
                call = ErrorText.Call.ADD_SERVICE;
                cmd = new Command.AddService(serviceConfig(ce));
            }
            case EDIT -> {
                call = ErrorText.Call.UPDATE_SERVICE;
                cmd = new Command.EditService(serviceConfig(ce));
            }
            case DEL -> {
                call = ErrorText.Call.DEL_SERVICE;
                cmd = new Command.DeleteService(serviceKey(ce));
            }
            case ZERO -> {
                call = ErrorText.Call.ZERO_SERVICE;
                // libipvs sends no service (zero everything) when it has no mark, address or port
                boolean none = ce.fwmark == 0 && ce.svc.addr.hi() == 0 && ce.svc.addr.lo() == 0 && ce.svc.port == 0;
                cmd = new Command.Zero(none ? null : serviceKey(ce));
            }
            case ADDDEST -> {
                call = ErrorText.Call.ADD_DEST;
                cmd = new Command.AddDest(serviceKey(ce), destConfig(ce));
            }
            case EDITDEST -> {
                call = ErrorText.Call.UPDATE_DEST;
                cmd = new Command.EditDest(serviceKey(ce), destConfig(ce));
            }
            case DELDEST -> {
                call = ErrorText.Call.DEL_DEST;
                cmd = new Command.DeleteDest(serviceKey(ce), ce.destAddr, ce.destPort);
            }
            case TIMEOUT -> {
                call = ErrorText.Call.OTHER;
                cmd = new Command.SetTimeouts(ce.tcpTimeout, ce.tcpFinTimeout, ce.udpTimeout);
            }
            default -> throw new IllegalStateException("not a table change: " + ce.cmd);
        }
        try {
            ctl.apply(cmd);
            return 0;
        } catch (IpvsException e) {
            err.print(ErrorText.of(call, e.errno().number()) + "\n");
            return -1;
        }
    }

    private int daemon(Entry ce) {
        SyncDaemon d = new SyncDaemon(ce.role, ce.mcastInterface, ce.syncId, ce.syncMaxLen, ce.mcastGroup,
                ce.mcastPort, ce.mcastTtl);
        boolean start = ce.cmd == Cmd.STARTDAEMON;
        try {
            if (start) {
                ctl.startDaemon(d);
            } else {
                ctl.stopDaemon(d);
            }
            return 0;
        } catch (IpvsException e) {
            err.print(ErrorText.of(start ? ErrorText.Call.START_DAEMON : ErrorText.Call.STOP_DAEMON,
                    e.errno().number()) + "\n");
            return -1;
        } catch (UnsupportedOperationException e) {
            err.print(e.getMessage() + "\n");
            return -1;
        }
    }

    private static ServiceKey serviceKey(Entry ce) {
        if (ce.fwmark != 0) {
            return ServiceKey.fwmark(ce.fwmark, ce.svc.af == Entry.AF_INET6);
        }
        return ServiceKey.of(ce.protocol, ce.svc.addr, ce.svc.port);
    }

    /** -A and -E send every field: what is not given goes back to ipvsadm's default. */
    private static ServiceConfig serviceConfig(Entry ce) {
        return new ServiceConfig(serviceKey(ce), ce.sched, ce.flags, ce.timeout, ce.svc.netmask,
                ce.pe.isEmpty() ? null : ce.pe);
    }

    /** -a and -e send every field too (weight 1, -g, thresholds 0, ipip by default). */
    private static DestConfig destConfig(Entry ce) {
        return new DestConfig(ce.destAddr, ce.destPort, ce.forwarding, ce.weight, ce.upperThreshold,
                ce.lowerThreshold, ce.tunnelType, ce.tunnelPort, ce.tunnelFlags);
    }

    // ------------------------------------------------------------------ listings

    private void list(Entry ce) {
        boolean other = ce.has(Opt.CONNECTION) || ce.has(Opt.TIMEOUT) || ce.has(Opt.DAEMON);
        boolean counters = ce.has(Opt.STATS) || ce.has(Opt.RATE) || ce.has(Opt.THRESHOLDS);
        boolean info = ce.has(Opt.TIMEOUT) || ce.has(Opt.DAEMON);
        if ((other && counters) || (info && ce.has(Opt.PERSISTENTCONN))) {
            throw Exit.fail("options conflicts in the list command");
        }
        if (ce.has(Opt.CONNECTION)) {
            listConnections(ce.format);
        } else if (ce.has(Opt.SERVICE)) {
            listService(ce);
        } else if (ce.has(Opt.TIMEOUT)) {
            TableSnapshot s = ctl.snapshot();
            out.print("Timeout (tcp tcpfin udp): " + s.tcpTimeout() + " " + s.tcpFinTimeout() + " "
                    + s.udpTimeout() + "\n");
        } else if (ce.has(Opt.DAEMON)) {
            listDaemons();
        } else {
            listAll(ce.format);
        }
    }

    private void listAll(int format) {
        StringBuilder sb = new StringBuilder();
        new Listing(sb, format, names(format)).all(ctl.snapshot());
        out.print(sb);
    }

    /** -L with a service: no version line; a missing service ends the process with status 1. */
    private void listService(Entry ce) {
        ServiceKey key = serviceKey(ce);
        ServiceView found = null;
        for (ServiceView s : ctl.snapshot().services()) {
            if (s.config().key().equals(key)) {
                found = s;
                break;
            }
        }
        if (found == null) {
            throw new Exit(1, null, ErrorText.of(ErrorText.Call.GET_SERVICE, ErrorText.ESRCH));
        }
        StringBuilder sb = new StringBuilder();
        Listing l = new Listing(sb, ce.format, names(ce.format));
        l.title();
        l.service(found);
        out.print(sb);
    }

    private void listConnections(int format) {
        List<ConnRow> rows = ctl.connections();
        if (rows == null) {
            throw new Exit(1, null, "cannot open file " + CONN_PROC_FILE);
        }
        StringBuilder sb = new StringBuilder();
        ConnListing.print(sb, rows, (format & Fmt.PERSISTENTCONN) != 0, names(format));
        out.print(sb);
    }

    /** One line per running daemon, master first; nothing when none runs. */
    private void listDaemons() {
        List<SyncDaemon> daemons = new ArrayList<>(ctl.daemons());
        daemons.sort(Comparator.comparing(SyncDaemon::role));
        StringBuilder sb = new StringBuilder();
        for (SyncDaemon d : daemons) {
            sb.append(d.role().lowerName()).append(" sync daemon (mcast=").append(d.mcastInterface())
                    .append(", syncid=").append(d.syncId());
            if (d.syncMaxLen() != 0) {
                sb.append(", maxlen=").append(d.syncMaxLen());
            }
            if (d.mcastGroup() != null) {
                sb.append(", group=").append(d.mcastGroup());
            }
            if (d.mcastPort() != 0) {
                sb.append(", port=").append(d.mcastPort());
            }
            if (d.mcastTtl() != 0) {
                sb.append(", ttl=").append(d.mcastTtl());
            }
            sb.append(")\n");
        }
        out.print(sb);
    }

    private Names names(int format) {
        return new Names((format & Fmt.NUMERIC) != 0, services);
    }

    // ------------------------------------------------------------------ restore

    /** -R: each input line as a command line; the status is that of the last line run. */
    private int restore(boolean readingStdin) {
        if (readingStdin) {
            // a -R inside the input would read the same input again
            throw Exit.tryHelp();
        }
        if (restoreReader == null) {
            restoreReader = new RestoreReader(stdin);
        }
        return ctl.batch(this::restoreLines);
    }

    private int restoreLines() {
        int result = 0;
        while (true) {
            List<String> argv;
            try {
                argv = restoreReader.next(PROGRAM);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (argv == null) {
                return result;
            }
            if (argv.size() > 1) {
                result = process(argv.subList(1, argv.size()).toArray(new String[0]), true);
            }
        }
    }
}
