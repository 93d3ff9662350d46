package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

import org.jlvs.admin.keepalived.PolicyState.Check;
import org.jlvs.admin.keepalived.PolicyState.Rs;
import org.jlvs.admin.keepalived.PolicyState.Vs;
import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.Command;

/**
 * A reload as the exact difference between the running policy and a new configuration
 * (keepalived's clear_diff_services, then init_services for what is new):
 * <ul>
 *   <li>a virtual server that is gone is removed with its real servers; a new one is installed
 *       as at start; one that stays keeps its IPVS services (and so their connections and
 *       counters), edited only if its scheduler or persistence changed; group entries are diffed;</li>
 *   <li>a real server that stays (same address and port) keeps its entry, its alive state and the
 *       state of every checker that is the same ({@link SameChecker}); a changed forwarding
 *       method, thresholds or configured weight is an edit. Unlike keepalived, a changed
 *       {@code weight} is applied (keepalived keeps the old one, the complaint of its issue #1354),
 *       unless a MISC_CHECK's misc_dynamic weight is in force;</li>
 *   <li>a real server that is gone is removed (even with inhibit_on_failure); a new one starts as
 *       at start, its alpha checkers down;</li>
 *   <li>quorum, hysteresis and the sorry server are then re-evaluated as keepalived does at start.</li>
 * </ul>
 */
final class PolicyReload {
    private final RealServerPolicy old;
    private final RealServerPolicy fresh;
    private final ToIntFunction<CheckerId> oldRetryIt;
    private final PolicyEvents events;
    private final List<Command> out = new ArrayList<>();
    private final Map<Vs, Vs> reloaded = new HashMap<>();
    private final Map<Rs, Boolean> reloadedRs = new HashMap<>();
    private final Map<CheckerId, Integer> retryIts = new LinkedHashMap<>();

    private PolicyReload(RealServerPolicy old, RealServerPolicy fresh, ToIntFunction<CheckerId> oldRetryIt) {
        this.old = old;
        this.fresh = fresh;
        this.oldRetryIt = oldRetryIt;
        this.events = fresh.events();
    }

    static RealServerPolicy.Reloaded run(RealServerPolicy old, KeepalivedConfig config, ToIntFunction<CheckerId> oldRetryIt) {
        RealServerPolicy fresh = new RealServerPolicy(config, old.events(), false, old.fileValues());
        PolicyReload r = new PolicyReload(old, fresh, oldRetryIt);
        r.diff();
        return new RealServerPolicy.Reloaded(fresh, List.copyOf(r.out), Map.copyOf(r.retryIts));
    }

    private void diff() {
        LvsTimeouts before = old.config().global().lvsTimeouts();
        LvsTimeouts after = fresh.config().global().lvsTimeouts();
        if (after != null && !after.equals(before)) {
            out.add(new Command.SetTimeouts(after.tcp(), after.tcpFin(), after.udp()));
        }
        for (Vs ov : old.servers) {
            Vs nv = find(ov);
            if (nv == null) {
                events.log(ov.config.target() instanceof VsTarget.Group g ? "Removing Virtual Server Group [" + g.name() + "]"
                        : "Removing Virtual Server " + ov.name);
                old.clearVirtualServer(ov, false);
                out.addAll(old.take());
                continue;
            }
            reloaded.put(nv, ov);
            nv.quorumUp = ov.quorumUp;
            keepVirtualServer(ov, nv);
        }
        for (int v = 0; v < fresh.servers.size(); v++) {
            Vs nv = fresh.servers.get(v);
            boolean kept = reloaded.containsKey(nv);
            if (!kept) {
                for (VsServices.Svc s : nv.services) {
                    out.add(new Command.AddService(s.config()));
                }
            }
            for (int r = 0; r < nv.servers.size(); r++) {
                Rs rs = nv.servers.get(r);
                if (!reloadedRs.containsKey(rs)) {
                    newServer(v, r, rs);
                }
            }
            for (Rs rs : nv.servers) {
                if (!reloadedRs.containsKey(rs)) {
                    fresh.initServer(nv, rs);
                }
            }
            fresh.updateQuorum(nv, true);
            if (nv.sorry != null && nv.sorry.inhibit && !nv.sorry.set) {
                if (nv.sorryDuplicatesRs) {
                    nv.sorry.set = true;
                } else {
                    nv.sorry.failedCheckers = 1;
                    fresh.add(nv, nv.sorry);
                    nv.sorry.failedCheckers = 0;
                }
            }
            out.addAll(fresh.take());
        }
    }

    /** keepalived's vs_iseq, with the protocol also telling apart two virtual servers on one group. */
    private Vs find(Vs ov) {
        for (Vs nv : fresh.servers) {
            VirtualServer a = ov.config;
            VirtualServer b = nv.config;
            if (a.target().equals(b.target()) && a.v6() == b.v6() && Objects.equals(a.protocol(), b.protocol())
                    && !reloaded.containsKey(nv)) {
                return nv;
            }
        }
        return null;
    }

    /** A virtual server in both files: its services diffed, its servers migrated, its sorry server checked. */
    private void keepVirtualServer(Vs ov, Vs nv) {
        Map<ServiceKey, ServiceConfig> before = new LinkedHashMap<>();
        for (VsServices.Svc s : ov.services) {
            before.put(s.key(), s.config());
        }
        List<VsServices.Svc> common = new ArrayList<>();
        List<VsServices.Svc> added = new ArrayList<>();
        for (VsServices.Svc s : nv.services) {
            ServiceConfig was = before.remove(s.key());
            if (was == null) {
                added.add(s);
                continue;
            }
            common.add(s);
            if (!was.equals(s.config())) {
                out.add(new Command.EditService(s.config()));
            }
        }
        for (ServiceKey gone : before.keySet()) {
            events.log("VS " + entry(gone, ov) + " in group " + groupName(ov) + " no longer exists");
            out.add(new Command.DeleteService(gone));
        }
        List<VsServices.Svc> all = nv.services;
        nv.services = common;
        ov.services = commonOf(ov.services, common);
        // first the state carried over, so that no decision below sees a half-copied server
        Map<Rs, Rs> kept = new LinkedHashMap<>();
        List<Rs> gone = new ArrayList<>();
        for (Rs or : ov.servers) {
            Rs nr = findServer(or, nv);
            if (nr == null) {
                gone.add(or);
                continue;
            }
            nr.alive = or.alive;
            nr.set = or.set;
            // FILE_CHECKs that go take what they added with them, new ones add theirs (read at construction)
            nr.effectiveWeight = or.effectiveWeight - unmatchedFileWeight(or, nr) + unmatchedFileWeight(nr, or);
            reloadedRs.put(nr, true);
            kept.put(or, nr);
        }
        if (ov.sorry != null && nv.sorry != null && nv.sorry.address.equals(ov.sorry.address)
                && nv.sorry.port == ov.sorry.port) {
            nv.sorry.alive = ov.sorry.alive;
            nv.sorry.set = ov.sorry.set;
        }
        for (Rs or : gone) {
            events.log("service " + or.name + " no longer exist");
            old.clearServer(ov, or, false);
            out.addAll(old.take());
        }
        keepSorryServer(ov, nv);
        out.addAll(fresh.take());
        kept.forEach((or, nr) -> migrateCheckers(ov, or, nv, nr));
        out.addAll(fresh.take());
        kept.forEach((or, nr) -> applyChanges(or, nv, nr));
        out.addAll(fresh.take());
        nv.services = all;
        for (VsServices.Svc s : added) {
            events.log("VS " + entry(s.key(), nv) + " added into group " + groupName(nv));
            out.add(new Command.AddService(s.config()));
            for (Rs r : nv.servers) {
                if (r.set) {
                    out.add(new Command.AddDest(s.key(), s.dest(r.address, r.port, r.method,
                            r.inhibit && !r.alive ? 0 : r.realWeight(), r.upper, r.lower)));
                }
            }
            if (nv.sorry != null && nv.sorry.set && !nv.sorryDuplicatesRs) {
                Rs ss = nv.sorry;
                out.add(new Command.AddDest(s.key(), s.dest(ss.address, ss.port, ss.method, ss.alive ? 1 : 0, 0, 0)));
            }
        }
    }

    /** What the FILE_CHECKs of {@code a} without a same checker in {@code b} add to {@code a}'s weight. */
    private static long unmatchedFileWeight(Rs a, Rs b) {
        long sum = 0;
        for (Check c : a.checkers) {
            if (c.config instanceof FileCheck && b.checkers.stream().noneMatch(o -> SameChecker.same(c.config, o.config))) {
                sum += c.fileWeight;
            }
        }
        return sum;
    }

    private static List<VsServices.Svc> commonOf(List<VsServices.Svc> olds, List<VsServices.Svc> common) {
        List<ServiceKey> keys = common.stream().map(VsServices.Svc::key).toList();
        return olds.stream().filter(s -> keys.contains(s.key())).toList();
    }

    private static Rs findServer(Rs or, Vs nv) {
        for (Rs nr : nv.servers) {
            if (nr.address.equals(or.address) && nr.port == or.port) {
                return nr;
            }
        }
        return null;
    }

    /**
     * What changed in a server that stays: its configured weight (applied, unless a misc_dynamic
     * weight is in force) or what its FILE_CHECKs add, its forwarding method or thresholds (an
     * edit of the entry).
     */
    private void applyChanges(Rs or, Vs nv, Rs nr) {
        boolean dynamicInForce = or.effectiveWeight - or.fileWeight() != or.weight;
        boolean entryChanged = !nr.method.equals(or.method) || nr.upper != or.upper || nr.lower != or.lower;
        // the new configured weight, or what the FILE_CHECKs that came or went did to the old one
        long weight = !dynamicInForce && nr.weight != or.weight ? nr.weight + nr.fileWeight() : nr.effectiveWeight;
        if (weight != or.effectiveWeight) {
            int before = or.realWeight();
            nr.effectiveWeight = or.effectiveWeight;
            fresh.updateWeight(weight, nv, nr);  // logs "Changing weight", edits when in and counted
            boolean edited = nr.realWeight() != before && nr.set && nr.alive
                    && (nv.quorumUp || nv.sorry == null || !nv.sorry.alive);
            if (edited) {
                return;
            }
        }
        if (entryChanged && nr.set) {
            boolean counted = nr.alive && (nv.quorumUp || nv.sorry == null || !nv.sorry.alive);
            fresh.edit(nv, nr, counted ? nr.realWeight() : 0);
        }
    }

    /** migrate_checkers: the same checkers keep their state and retry count; the server is then put right. */
    private void migrateCheckers(Vs ov, Rs or, Vs nv, Rs nr) {
        int v = fresh.servers.indexOf(nv);
        int r = nv.servers.indexOf(nr);
        int ovi = old.servers.indexOf(ov);
        int ori = ov.servers.indexOf(or);
        for (int c = 0; c < nr.checkers.size(); c++) {
            Check nc = nr.checkers.get(c);
            retryIts.put(new CheckerId(v, r, c), 0);
            for (int k = 0; k < or.checkers.size(); k++) {
                Check oc = or.checkers.get(k);
                if (!SameChecker.same(oc.config, nc.config)) {
                    continue;
                }
                if (oc.hasRun && oc.up != nc.up) {
                    RealServerPolicy.setCheckerState(nc, nr, oc.up);
                }
                nc.hasRun = oc.hasRun;
                nc.lastExit = oc.lastExit;
                nc.fileValue = oc.fileValue;
                nc.fileWeight = oc.fileWeight;
                int retry = nc.config.options().retry();
                int was = oldRetryIt.applyAsInt(new CheckerId(ovi, ori, k));
                retryIts.put(new CheckerId(v, r, c), !nc.up ? retry + 1 : Math.min(was, retry));
                break;
            }
        }
        nr.failedCheckers = 0;
        boolean anyRun = false;
        for (Check nc : nr.checkers) {
            if (nc.hasRun && !nc.up) {
                nr.failedCheckers++;
            }
            anyRun |= nc.hasRun;
        }
        if (nr.failedCheckers > 0 || (!nr.alive && !anyRun)) {
            for (int c = 0; c < nr.checkers.size(); c++) {
                Check nc = nr.checkers.get(c);
                if (!nc.hasRun) {
                    if (nc.alpha()) {
                        RealServerPolicy.setCheckerState(nc, nr, false);
                    }
                    retryIts.put(new CheckerId(v, r, c), nc.config.options().retry());  // one failure is enough
                }
            }
        }
        if (nr.failedCheckers == 0 && !nr.alive) {
            fresh.serverState(true, nv, nr);
        } else if (nr.failedCheckers > 0 && nr.set != nr.inhibit) {
            if (nr.inhibit) {
                fresh.add(nv, nr);  // a down server newly inhibited goes in at weight 0
            } else {
                fresh.forceDelete(nv, nr);  // a down server no longer inhibited goes out
            }
        }
    }

    /** clear_diff_s_srv: the sorry server stays, changes, or goes (and the alive servers come back). */
    private void keepSorryServer(Vs ov, Vs nv) {
        Rs os = ov.sorry;
        Rs ns = nv.sorry;
        if (os == null) {
            return;
        }
        if (ns != null && ns.address.equals(os.address) && ns.port == os.port) {
            if (os.inhibit == ns.inhibit || os.alive) {
                if (os.alive && !ns.method.equals(os.method)) {
                    fresh.edit(nv, ns, 1);
                }
                return;
            }
        }
        boolean reinstate = os.alive && ns == null;
        if (os.set || os.alive) {
            events.log("Removing sorry server " + os.name + " from VS " + ov.name);
            old.forceDelete(ov, os);
            out.addAll(old.take());
            if (ns != null) {
                ns.set = false;
                ns.alive = false;
            }
            if (reinstate) {
                fresh.quorumPool(nv, true);
            }
        }
    }

    /** A real server of the new file that was not running: alpha checkers start down, as at start. */
    private void newServer(int v, int r, Rs rs) {
        for (int c = 0; c < rs.checkers.size(); c++) {
            Check check = rs.checkers.get(c);
            retryIts.put(new CheckerId(v, r, c), 0);
            if (check.alpha()) {
                RealServerPolicy.setCheckerState(check, rs, false);
            }
        }
    }

    private static String groupName(Vs v) {
        return v.config.target() instanceof VsTarget.Group g ? g.name() : v.name;
    }

    /** A group entry in keepalived's words: {@code [addr]:proto:port} or {@code FWM n}. */
    private static String entry(ServiceKey k, Vs v) {
        return k.isFwmark() ? "[FWM " + Integer.toUnsignedString(k.fwmark()) + "]"
                : "[" + Names.trio(k.address(), k.protocol(), k.port()) + "]";
    }
}
