package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.jlvs.admin.keepalived.PolicyState.Check;
import org.jlvs.admin.keepalived.PolicyState.Rs;
import org.jlvs.admin.keepalived.PolicyState.Vs;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.table.Command;

/**
 * keepalived's ipwrapper.c decisions, as table commands: what to install at start, and what
 * to change when a checker goes up or down or a MISC_CHECK script changes the weight.
 * Checkers only report; this class alone decides (inhibit_on_failure, quorum and hysteresis,
 * the sorry server, alpha). Each call returns the commands to send, in keepalived's order, and
 * tells {@link PolicyEvents} what keepalived logs and which notify scripts it runs.
 * Not thread-safe: the caller serialises reports.
 */
public final class RealServerPolicy {

    /** A checker by position: virtual server, real server and checker, each 0-based in file order. */
    public record CheckerId(int vs, int rs, int checker) {
    }

    /**
     * A reload's outcome: the policy for the new file (its state carried over), the commands that
     * turn the running table into its table, and each new checker's retry count to start from
     * (carried over for a checker that stays the same, as keepalived's migrate_checkers does).
     */
    public record Reloaded(RealServerPolicy policy, List<Command> commands, Map<CheckerId, Integer> retryIts) {
    }

    private final KeepalivedConfig config;
    private final PolicyEvents events;
    private final ToLongFunction<FileCheck> fileValues;
    final List<Vs> servers = new ArrayList<>();
    private List<Command> out = new ArrayList<>();

    public RealServerPolicy(KeepalivedConfig config) {
        this(config, PolicyEvents.NONE);
    }

    public RealServerPolicy(KeepalivedConfig config, PolicyEvents events) {
        this(config, events, f -> 0);
    }

    /**
     * {@code fileValues} reads a FILE_CHECK's file: the number it holds, 0 when missing (the
     * checker starts in the state and with the weight that number gives, as keepalived's start
     * reads its track files before installing anything).
     */
    public RealServerPolicy(KeepalivedConfig config, PolicyEvents events, ToLongFunction<FileCheck> fileValues) {
        this(config, events, true, fileValues);
    }

    /** {@code fresh}: a start, where alpha checkers begin failed; a reload decides that itself. */
    RealServerPolicy(KeepalivedConfig config, PolicyEvents events, boolean fresh, ToLongFunction<FileCheck> fileValues) {
        this.config = config;
        this.events = events;
        this.fileValues = fileValues;
        for (VirtualServer vs : config.virtualServers()) {
            servers.add(state(vs, fresh));
        }
    }

    public KeepalivedConfig config() {
        return config;
    }

    private Vs state(VirtualServer vs, boolean fresh) {
        SorryServer ss = vs.sorryServer();
        Rs sorry = ss == null ? null : new Rs(null, ss.address(), ss.port(), ss.method(), 0, 0, ss.inhibit(), 1,
                Names.trio(ss.address(), vs.protocol(), ss.port()));
        boolean duplicates = ss != null && vs.realServers().stream()
                .anyMatch(r -> r.address().equals(ss.address()) && r.port() == ss.port());
        Vs v = new Vs(vs, VsServices.of(vs, config), sorry, duplicates);
        for (RealServer r : vs.realServers()) {
            Rs rs = new Rs(r, r.address(), r.port(), r.method(), r.upperThreshold(), r.lowerThreshold(),
                    r.inhibitOnFailure(), r.weight(), Names.trio(r.address(), vs.protocol(), r.port()));
            for (Checker c : r.checkers()) {
                Check check = new Check(c);
                if (fresh && c.options().alpha()) {
                    setCheckerState(check, rs, false);  // alpha: every checker starts failed
                }
                if (c instanceof FileCheck f) {
                    startFile(check, f, rs);
                }
                rs.checkers.add(check);
            }
            v.servers.add(rs);
        }
        // set_quorum_states(): quorum + hysteresis, and nothing is alive before the table is built
        v.quorumUp = v.liveWeight() >= threshold(v.config, false);
        return v;
    }

    /** Every checker, in file order. */
    public List<CheckerId> checkers() {
        List<CheckerId> ids = new ArrayList<>();
        for (int v = 0; v < servers.size(); v++) {
            List<Rs> rs = servers.get(v).servers;
            for (int r = 0; r < rs.size(); r++) {
                for (int c = 0; c < rs.get(r).checkers.size(); c++) {
                    ids.add(new CheckerId(v, r, c));
                }
            }
        }
        return ids;
    }

    public Checker checker(CheckerId id) {
        return check(id).config;
    }

    public VirtualServer virtualServer(CheckerId id) {
        return servers.get(id.vs()).config;
    }

    public RealServer realServer(CheckerId id) {
        return rs(id).config;
    }

    /** The checker's state as its checker code reads it: up (alpha starts it down). */
    public boolean isUp(CheckerId id) {
        return check(id).up;
    }

    /** Whether the checker has settled a result since it was started (keepalived's has_run). */
    public boolean hasRun(CheckerId id) {
        return check(id).hasRun;
    }

    /** The table at start (keepalived's init_services): flush and timeouts if asked, then each virtual server. */
    public List<Command> start() {
        out = new ArrayList<>();
        GlobalDefs g = config.global();
        if (g.lvsFlush()) {
            out.add(new Command.Clear());
        }
        if (g.lvsTimeouts() != null) {
            LvsTimeouts t = g.lvsTimeouts();
            out.add(new Command.SetTimeouts(t.tcp(), t.tcpFin(), t.udp()));
        }
        for (Vs v : servers) {
            for (VsServices.Svc s : v.services) {
                out.add(new Command.AddService(s.config()));
            }
            initServers(v);
        }
        return out;
    }

    /** A checker's settled result (its retries are spent): keepalived's update_svr_checker_state. */
    public List<Command> checkerResult(CheckerId id, boolean up) {
        out = new ArrayList<>();
        checkerState(id, up);
        return take();
    }

    /**
     * A MISC_CHECK script exited with {@code status} (retries spent): 0 is success; with
     * misc_dynamic 2..255 is success at weight status - 2; anything else is failure.
     */
    public List<Command> scriptExit(CheckerId id, int status) {
        Check c = check(id);
        boolean dynamic = c.config instanceof MiscCheck m && m.dynamic();
        List<Command> cmds = new ArrayList<>();
        if (status == 0 || (dynamic && status >= 2 && status <= 255)) {
            cmds.addAll(scriptWeight(id, status));
            if (!c.up || !c.hasRun) {
                cmds.addAll(checkerResult(id, true));
            }
        } else if (c.up || !c.hasRun) {
            cmds.addAll(scriptFailed(id, status));
        }
        c.hasRun = true;
        out = new ArrayList<>();
        return cmds;
    }

    /**
     * A MISC_CHECK success status (0, or 2..255 under misc_dynamic): a status other than the last
     * one sets the effective weight (status - 2, or the configured weight for 0) at once.
     */
    public List<Command> scriptWeight(CheckerId id, int status) {
        out = new ArrayList<>();
        Check c = check(id);
        if (status != c.lastExit) {
            Rs r = rs(id);
            updateWeight((status >= 2 ? status - 2 : r.weight) + r.fileWeight(), servers.get(id.vs()), r);
            c.lastExit = status;
        }
        return take();
    }

    /** A MISC_CHECK failure settled with this exit status: the checker is down. */
    public List<Command> scriptFailed(CheckerId id, int status) {
        out = new ArrayList<>();
        check(id).lastExit = status;
        checkerState(id, false);
        return take();
    }

    /**
     * A FILE_CHECK as it starts (set_track_file_weights, set_track_file_checkers_down): it has
     * run (its file has been read), and the number in the file sets its state and its weight.
     */
    private void startFile(Check c, FileCheck f, Rs r) {
        c.hasRun = true;
        c.fileValue = fileValues.applyAsLong(f);
        int status = f.status(c.fileValue);
        if (status == FileCheck.FAULT) {
            setCheckerState(c, r, false);
        } else {
            c.fileWeight = status;
            r.effectiveWeight += status;
        }
    }

    /**
     * A FILE_CHECK's file now holds {@code value} (0 when deleted or moved away): keepalived's
     * process_update_checker_track_file_status. Failing takes the checker down and its weight
     * out; recovering puts the weight in, then the checker up; otherwise the weight changes.
     */
    public List<Command> fileValue(CheckerId id, long value) {
        out = new ArrayList<>();
        Check c = check(id);
        FileCheck f = (FileCheck) c.config;
        int before = f.status(c.fileValue);
        int now = f.status(value);
        c.fileValue = value;
        if (before == now) {
            return take();
        }
        Rs r = rs(id);
        Vs v = servers.get(id.vs());
        if (now == FileCheck.FAULT) {
            checkerState(id, false);
            r.effectiveWeight -= c.fileWeight;
            c.fileWeight = 0;
        } else if (before == FileCheck.FAULT) {
            c.fileWeight = now;
            r.effectiveWeight += now;
            checkerState(id, true);
        } else {
            updateWeight(r.effectiveWeight + now - before, v, r);
            c.fileWeight = now;
        }
        return take();
    }

    /** keepalived's checker code setting has_run without a state change (after a retry, say). */
    public void markRun(CheckerId id) {
        check(id).hasRun = true;
    }

    /**
     * Stopping (keepalived's clear_services): what would remove everything this policy put in,
     * with the "Shutting down service" lines; with omega, the notify_down and quorum_down scripts.
     */
    public List<Command> stop() {
        out = new ArrayList<>();
        for (Vs v : servers) {
            clearVirtualServer(v, true);
        }
        return out;
    }

    /**
     * The exact difference to {@code newConfig} (see {@link PolicyReload}); this policy is spent
     * afterwards. {@code retryIt} gives a running checker's retry count.
     */
    public Reloaded reload(KeepalivedConfig newConfig, ToIntFunction<CheckerId> retryIt) {
        return PolicyReload.run(this, newConfig, retryIt);
    }

    /**
     * The virtual servers with their state, as the LVS part of keepalived's data dump (SIGUSR1)
     * lays it out: a {@code ------< LVS Topology >------} banner, then one-space-indented
     * {@code Key = value} lines per virtual server, real server and checker.
     */
    public String dump() {
        StringBuilder b = new StringBuilder();
        b.append("------< LVS Topology >------\n");
        b.append(" System is compiled with LVS v1.2.1\n");
        for (Vs v : servers) {
            VirtualServer c = v.config;
            b.append(" VS = ").append(v.name).append('\n');
            b.append("   delay_loop = ").append(seconds(c.delayLoop())).append(", lvs_sched = ").append(c.scheduler()).append('\n');
            if (c.persistent()) {
                b.append("   persistence timeout = ").append(c.persistenceTimeout()).append('\n');
            }
            b.append("   quorum = ").append(Integer.toUnsignedString(c.quorum())).append(", hysteresis = ")
                    .append(Integer.toUnsignedString(c.hysteresis())).append('\n');
            b.append("   Quorum state = ").append(v.quorumUp ? "UP" : "DOWN").append('\n');
            if (v.sorry != null) {
                b.append("   sorry server = ").append(v.sorry.name).append(v.sorry.alive ? " (in use)" : "").append('\n');
            }
            for (Rs r : v.servers) {
                b.append("   RS = ").append(r.name).append('\n');
                b.append("     weight = ").append(r.weight).append(", effective weight = ").append(r.effectiveWeight).append('\n');
                b.append("     alive = ").append(r.alive ? "yes" : "no").append(", in IPVS = ").append(r.set ? "yes" : "no")
                        .append(", failed checkers = ").append(r.failedCheckers).append('\n');
                if (r.inhibit) {
                    b.append("     Inhibit on failure\n");
                }
                for (Check k : r.checkers) {
                    b.append("     Checker = ").append(k.config.keyword()).append(" (").append(k.config.at()).append("), ")
                            .append(k.up ? "up" : "down").append(k.hasRun ? "" : ", not run yet");
                    if (k.config instanceof FileCheck f) {
                        b.append(", ").append(f.file().path()).append(" = ").append(k.fileValue)
                                .append(", weight ").append(k.fileWeight);
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String seconds(java.time.Duration d) {
        return d == null ? "-" : d.toNanos() % 1_000_000_000L == 0 ? Long.toString(d.toSeconds())
                : Double.toString(d.toNanos() / 1e9);
    }

    Rs rs(CheckerId id) {
        return servers.get(id.vs()).servers.get(id.rs());
    }

    Check check(CheckerId id) {
        return rs(id).checkers.get(id.checker());
    }

    List<Command> take() {
        List<Command> taken = out;
        out = new ArrayList<>();
        return taken;
    }

    /** init_service_rs and what follows in init_service_vs: servers in, quorum, inhibited sorry server. */
    void initServers(Vs v) {
        for (Rs r : v.servers) {
            initServer(v, r);
        }
        updateQuorum(v, true);
        if (v.sorry != null && v.sorry.inhibit && !v.sorry.set) {
            if (v.sorryDuplicatesRs) {
                v.sorry.set = true;
            } else {
                v.sorry.failedCheckers = 1;  // installed at weight 0
                add(v, v.sorry);
                v.sorry.failedCheckers = 0;
            }
        }
    }

    /** Under alpha a server waits for its checks, unless inhibit puts it in at weight 0. */
    void initServer(Vs v, Rs r) {
        if ((r.failedCheckers == 0 && !r.alive) || (r.inhibit && !r.set)) {
            add(v, r);
            if (r.failedCheckers == 0) {
                r.alive = true;
                if (config.global().rsInitNotifies()) {
                    serverNotifies(v, r, false);
                }
            }
        }
    }

    private void checkerState(CheckerId id, boolean alive) {
        Check c = check(id);
        Rs r = rs(id);
        Vs v = servers.get(id.vs());
        if (c.up == alive) {
            if (!c.hasRun) {
                if (c.alpha() || !alive) {
                    serverNotifies(v, r, false);
                }
                c.hasRun = true;
            }
            return;
        }
        c.hasRun = true;
        if (alive ? r.failedCheckers <= 1 : r.failedCheckers == 0) {
            serverState(alive, v, r);
        }
        setCheckerState(c, r, alive);
    }

    static void setCheckerState(Check c, Rs r, boolean up) {
        if (c.up == up) {
            return;
        }
        c.up = up;
        if (!up) {
            r.failedCheckers++;
        } else if (r.failedCheckers > 0) {
            r.failedCheckers--;
        }
    }

    /** perform_svr_state: a server goes up or down; IPVS is left alone while the sorry server stands in. */
    void serverState(boolean alive, Vs v, Rs r) {
        if (r.alive == alive) {
            return;
        }
        events.log((alive ? r.inhibit ? "Enabl" : "Add" : r.inhibit ? "Disabl" : "Remov") + "ing service " + r.name
                + " " + (r.inhibit ? "of" : alive ? "to" : "from") + " VS " + v.name);
        if (v.quorumUp || v.sorry == null || !v.sorry.alive) {
            if (alive) {
                add(v, r);
            } else {
                delete(v, r);
            }
        }
        r.alive = alive;
        serverNotifies(v, r, false);
        updateQuorum(v, false);
    }

    /** do_rs_notifies: the server's notify_up or notify_down, and the fifo line. */
    private void serverNotifies(Vs v, Rs r, boolean stopping) {
        Script s = r.alive ? r.notifyUp() : r.notifyDown();
        if (s != null) {
            events.notify(s);
        }
        events.fifo("RS " + r.name + " " + v.name + " " + (r.alive ? "UP" : "DOWN"));
    }

    /** update_svr_wgt: a new effective weight, pushed now only if the server is in and counts. */
    void updateWeight(long weight, Vs v, Rs r) {
        int before = r.realWeight();
        r.effectiveWeight = weight;
        if (r.realWeight() != before) {
            events.log("Changing weight from " + before + " to " + r.realWeight() + " for " + (r.alive ? "" : "in")
                    + "active service " + r.name + " of VS " + v.name);
            if (r.set && r.alive && (v.quorumUp || v.sorry == null || !v.sorry.alive)) {
                edit(v, r, r.realWeight());
            }
            updateQuorum(v, false);
        }
    }

    /** update_quorum_state: gaining quorum removes the sorry server, losing it (or starting without it) puts it in. */
    void updateQuorum(Vs v, boolean init) {
        long live = v.liveWeight();
        long threshold = threshold(v.config, v.quorumUp);
        if (!v.quorumUp && live >= threshold) {
            v.quorumUp = true;
            events.log("Gained quorum " + quorumText(v.config, '+') + "=" + threshold + " <= " + live + " for VS " + v.name);
            if (v.sorry != null && v.sorry.alive) {
                events.log((v.sorry.inhibit ? "Disabling" : "Removing") + " sorry server " + v.sorry.name
                        + " from VS " + v.name);
                delete(v, v.sorry);
                v.sorry.alive = false;
                quorumPool(v, true);
            }
            quorumNotifies(v, false);
            return;
        }
        if ((v.quorumUp && (live == 0 || live < threshold))
                || (init && !v.quorumUp && v.sorry != null && !v.sorry.alive)) {
            v.quorumUp = false;
            events.log((init ? "Starting with quorum down " : "Lost quorum ") + quorumText(v.config, '-') + "="
                    + threshold + " > " + live + " for VS " + v.name);
            if (v.sorry != null && !v.sorry.alive) {
                events.log((v.sorry.inhibit ? "Enabling" : "Adding") + " sorry server " + v.sorry.name
                        + " to VS " + v.name);
                quorumPool(v, false);
                add(v, v.sorry);
                v.sorry.alive = true;
            }
            quorumNotifies(v, false);
        }
    }

    private static String quorumText(VirtualServer vs, char sign) {
        return Integer.toUnsignedString(vs.quorum()) + sign + Integer.toUnsignedString(vs.hysteresis());
    }

    /** do_vs_notifies: quorum_up or quorum_down, and the fifo line; at stop only with omega. */
    private void quorumNotifies(Vs v, boolean stopping) {
        if (stopping && !v.config.omega()) {
            return;
        }
        Script s = v.quorumUp ? v.config.quorumUp() : v.config.quorumDown();
        if (s != null) {
            events.notify(s);
        }
        events.fifo("VS " + v.name + " " + (v.quorumUp ? "UP" : "DOWN"));
    }

    /** quorum + or - hysteresis, computed in 32-bit unsigned as keepalived does. */
    static long threshold(VirtualServer vs, boolean up) {
        long q = Integer.toUnsignedLong(vs.quorum());
        long h = Integer.toUnsignedLong(vs.hysteresis());
        return (up ? q - h : q + h) & 0xFFFF_FFFFL;
    }

    /** perform_quorum_state: the alive servers go in (or out) together. */
    void quorumPool(Vs v, boolean add) {
        events.log((add ? "Adding alive servers to" : "Removing alive servers from") + " the pool for VS " + v.name);
        for (Rs r : v.servers) {
            if (!r.alive) {
                continue;
            }
            if (add) {
                add(v, r);
            } else {
                delete(v, r);
            }
        }
    }

    /** clear_service_vs: the sorry server, every real server, the quorum notifications, then the services. */
    void clearVirtualServer(Vs v, boolean stopping) {
        if (v.sorry != null && v.sorry.set) {
            if (v.sorryDuplicatesRs) {
                v.sorry.set = false;
            } else {
                forceDelete(v, v.sorry);
            }
            v.sorry.alive = false;
        }
        for (Rs r : v.servers) {
            clearServer(v, r, stopping);
        }
        long live = v.liveWeight();
        if (stopping || (v.quorumUp && (live == 0 || live < threshold(v.config, true)))) {
            v.quorumUp = false;
            quorumNotifies(v, stopping);
        }
        for (VsServices.Svc s : v.services) {
            out.add(new Command.DeleteService(s.key()));
        }
    }

    /** clear_service_rs: a real server goes whatever its inhibit setting; its notify_down runs (at stop: with omega). */
    void clearServer(Vs v, Rs r, boolean stopping) {
        if (r.set || stopping) {
            events.log((stopping ? "Shutting down" : "Removing") + " " + (r.inhibit && !r.alive ? "(inhibited) " : "")
                    + "service " + r.name + " from VS " + v.name);
        }
        if (!r.set) {
            return;
        }
        forceDelete(v, r);
        if (!r.alive) {
            return;
        }
        r.alive = false;
        if (stopping && !v.config.omega()) {
            return;
        }
        serverNotifies(v, r, stopping);
    }

    // ipvs_cmd(): inhibit turns a delete into weight 0, and an add of a present server into an edit

    void add(Vs v, Rs r) {
        int weight = r.realWeight();
        if (r.inhibit && r.set) {
            edit(v, r, weight);
            return;
        }
        if (!r.set) {
            r.set = true;
            if (r.inhibit && r.failedCheckers > 0) {
                weight = 0;
            }
        }
        for (VsServices.Svc s : v.services) {
            out.add(new Command.AddDest(s.key(), dest(s, r, weight)));
        }
    }

    void delete(Vs v, Rs r) {
        if (r.inhibit) {
            edit(v, r, 0);
            return;
        }
        forceDelete(v, r);
    }

    void forceDelete(Vs v, Rs r) {
        r.set = false;
        for (VsServices.Svc s : v.services) {
            out.add(new Command.DeleteDest(s.key(), r.address, s.destPort(r.method, r.port)));
        }
    }

    void edit(Vs v, Rs r, int weight) {
        for (VsServices.Svc s : v.services) {
            out.add(new Command.EditDest(s.key(), dest(s, r, weight)));
        }
    }

    private static DestConfig dest(VsServices.Svc s, Rs r, int weight) {
        return s.dest(r.address, r.port, r.method, weight, r.upper, r.lower);
    }

    PolicyEvents events() {
        return events;
    }

    ToLongFunction<FileCheck> fileValues() {
        return fileValues;
    }
}
