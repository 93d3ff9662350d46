package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.table.Command;

/**
 * The IPVS commands keepalived would send for a configuration, from start up to a settled
 * {@link TableState}: the start, then one report per checker in file order.
 */
public final class TableBuilder {

    private TableBuilder() {
    }

    public static List<Command> commands(KeepalivedConfig config, TableState state) {
        RealServerPolicy policy = new RealServerPolicy(config);
        List<Command> out = new ArrayList<>(policy.start());
        if (state instanceof TableState.AlphaStartup) {
            return out;
        }
        List<Integer> ordinals = realServerOrdinals(config);
        for (CheckerId id : policy.checkers()) {
            boolean misc = policy.checker(id) instanceof MiscCheck;
            switch (state) {
                case TableState.AllDown d -> out.addAll(policy.checkerResult(id, false));
                case TableState.ScriptExit e when misc && ordinals.get(id.vs()) + id.rs() + 1 == e.realServer() ->
                        out.addAll(policy.scriptExit(id, e.status()));
                default -> out.addAll(misc ? policy.scriptExit(id, 0) : policy.checkerResult(id, true));
            }
        }
        return out;
    }

    /** How many real servers come before each virtual server, for the file-wide rs numbering. */
    private static List<Integer> realServerOrdinals(KeepalivedConfig config) {
        List<Integer> before = new ArrayList<>();
        int n = 0;
        for (VirtualServer vs : config.virtualServers()) {
            before.add(n);
            n += vs.realServers().size();
        }
        return before;
    }
}
