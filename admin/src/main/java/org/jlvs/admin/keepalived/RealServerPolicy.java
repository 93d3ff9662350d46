package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.keepalived.PolicyState.Check;
import org.jlvs.admin.keepalived.PolicyState.Rs;
import org.jlvs.admin.keepalived.PolicyState.Vs;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.table.Command;

/**
 * keepalived's ipwrapper.c decisions, as table commands: what to install at start, and what
 * to change when a checker goes up or down or a MISC_CHECK script changes the weight.
 * Checkers only report; this class alone decides (inhibit_on_failure, quorum and hysteresis,
 * the sorry server, alpha). Each call returns the commands to send, in keepalived's order.
 * Not thread-safe: the caller serialises reports.
 */
public final class RealServerPolicy {

    /** A checker by position: virtual server, real server and checker, each 0-based in file order. */
    public record CheckerId(int vs, int rs, int checker) {
    }

    private final KeepalivedConfig config;
    private final List<Vs> servers = new ArrayList<>();
    private List<Command> out = new ArrayList<>();

    public RealServerPolicy(KeepalivedConfig config) {
        this.config = config;
        for (VirtualServer vs : config.virtualServers()) {
            servers.add(state(vs));
        }
    }

    private Vs state(VirtualServer vs) {
        SorryServer ss = vs.sorryServer();
        Rs sorry = ss == null ? null : new Rs(ss.address(), ss.port(), ss.method(), 0, 0, ss.inhibit(), 1);
        boolean duplicates = ss != null && vs.realServers().stream()
                .anyMatch(r -> r.address().equals(ss.address()) && r.port() == ss.port());
        Vs v = new Vs(vs, VsServices.of(vs, config), sorry, duplicates);
        for (RealServer r : vs.realServers()) {
            Rs rs = new Rs(r.address(), r.port(), r.method(), r.upperThreshold(), r.lowerThreshold(),
                    r.inhibitOnFailure(), r.weight());
            for (Checker c : r.checkers()) {
                Check check = new Check(c);
                if (c.options().alpha()) {
                    setCheckerState(check, rs, false);  // alpha: every checker starts failed
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
            initService(v);
        }
        return out;
    }

    /** A checker's settled result (its retries are spent): keepalived's update_svr_checker_state. */
    public List<Command> checkerResult(CheckerId id, boolean up) {
        out = new ArrayList<>();
        checkerState(id, up);
        return out;
    }

    /**
     * A MISC_CHECK script exited with {@code status} (retries spent): 0 is success; with
     * misc_dynamic 2..255 is success at weight status - 2; anything else is failure.
     */
    public List<Command> scriptExit(CheckerId id, int status) {
        out = new ArrayList<>();
        Check c = check(id);
        boolean dynamic = c.config instanceof MiscCheck m && m.dynamic();
        if (status == 0 || (dynamic && status >= 2 && status <= 255)) {
            long weight = status >= 2 ? status - 2 : rs(id).weight;
            if (status != c.lastExit) {
                updateWeight(weight, servers.get(id.vs()), rs(id));
                c.lastExit = status;
            }
            if (!c.up || !c.hasRun) {
                checkerState(id, true);
            }
        } else if (c.up || !c.hasRun) {
            c.lastExit = status;
            checkerState(id, false);
        }
        c.hasRun = true;
        return out;
    }

    private Rs rs(CheckerId id) {
        return servers.get(id.vs()).servers.get(id.rs());
    }

    private Check check(CheckerId id) {
        return rs(id).checkers.get(id.checker());
    }

    private void initService(Vs v) {
        for (VsServices.Svc s : v.services) {
            out.add(new Command.AddService(s.config()));
        }
        for (Rs r : v.servers) {
            // under alpha a server waits for its checks, unless inhibit puts it in at weight 0
            if ((r.failedCheckers == 0 && !r.alive) || (r.inhibit && !r.set)) {
                add(v, r);
                if (r.failedCheckers == 0) {
                    r.alive = true;
                }
            }
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

    private void checkerState(CheckerId id, boolean alive) {
        Check c = check(id);
        Rs r = rs(id);
        if (c.up == alive) {
            c.hasRun = true;
            return;
        }
        c.hasRun = true;
        if (alive ? r.failedCheckers <= 1 : r.failedCheckers == 0) {
            serverState(alive, servers.get(id.vs()), r);
        }
        setCheckerState(c, r, alive);
    }

    private static void setCheckerState(Check c, Rs r, boolean up) {
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
    private void serverState(boolean alive, Vs v, Rs r) {
        if (r.alive == alive) {
            return;
        }
        if (v.quorumUp || v.sorry == null || !v.sorry.alive) {
            if (alive) {
                add(v, r);
            } else {
                delete(v, r);
            }
        }
        r.alive = alive;
        updateQuorum(v, false);
    }

    /** update_svr_wgt: a new effective weight, pushed now only if the server is in and counts. */
    private void updateWeight(long weight, Vs v, Rs r) {
        int before = r.realWeight();
        r.effectiveWeight = weight;
        if (r.realWeight() != before) {
            if (r.set && r.alive && (v.quorumUp || v.sorry == null || !v.sorry.alive)) {
                edit(v, r, r.realWeight());
            }
            updateQuorum(v, false);
        }
    }

    /** update_quorum_state: gaining quorum removes the sorry server, losing it (or starting without it) puts it in. */
    private void updateQuorum(Vs v, boolean init) {
        long live = v.liveWeight();
        long threshold = threshold(v.config, v.quorumUp);
        if (!v.quorumUp && live >= threshold) {
            v.quorumUp = true;
            if (v.sorry != null && v.sorry.alive) {
                delete(v, v.sorry);
                v.sorry.alive = false;
                quorumPool(v, true);
            }
            return;
        }
        if ((v.quorumUp && (live == 0 || live < threshold))
                || (init && !v.quorumUp && v.sorry != null && !v.sorry.alive)) {
            v.quorumUp = false;
            if (v.sorry != null && !v.sorry.alive) {
                quorumPool(v, false);
                add(v, v.sorry);
                v.sorry.alive = true;
            }
        }
    }

    /** quorum + or - hysteresis, computed in 32-bit unsigned as keepalived does. */
    private static long threshold(VirtualServer vs, boolean up) {
        long q = Integer.toUnsignedLong(vs.quorum());
        long h = Integer.toUnsignedLong(vs.hysteresis());
        return (up ? q - h : q + h) & 0xFFFF_FFFFL;
    }

    /** perform_quorum_state: the alive servers go in (or out) together. */
    private void quorumPool(Vs v, boolean add) {
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

    // ipvs_cmd(): inhibit turns a delete into weight 0, and an add of a present server into an edit

    private void add(Vs v, Rs r) {
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

    private void delete(Vs v, Rs r) {
        if (r.inhibit) {
            edit(v, r, 0);
            return;
        }
        r.set = false;
        for (VsServices.Svc s : v.services) {
            out.add(new Command.DeleteDest(s.key(), r.address, s.destPort(r.method, r.port)));
        }
    }

    private void edit(Vs v, Rs r, int weight) {
        for (VsServices.Svc s : v.services) {
            out.add(new Command.EditDest(s.key(), dest(s, r, weight)));
        }
    }

    private static DestConfig dest(VsServices.Svc s, Rs r, int weight) {
        return s.dest(r.address, r.port, r.method, weight, r.upper, r.lower);
    }
}
