package org.jlvs.ha.check;

import java.util.List;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.RealServerPolicy;
import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.table.Command;

/** A {@link CheckerContext} bound to one checker of the policy: reports become table commands through the door. */
final class PolicyContext implements CheckerContext {
    private final RealServerPolicy policy;
    private final CheckerId id;
    private final Consumer<List<Command>> door;
    private final Consumer<String> log;
    private final boolean logAllFailures;
    private final String name;
    private final String vsName;

    PolicyContext(RealServerPolicy policy, CheckerId id, Consumer<List<Command>> door, Consumer<String> log,
                  boolean logAllFailures, String name, String vsName) {
        this.policy = policy;
        this.id = id;
        this.door = door;
        this.log = log;
        this.logAllFailures = logAllFailures;
        this.name = name;
        this.vsName = vsName;
    }

    CheckerId id() {
        return id;
    }

    @Override
    public boolean isUp() {
        return policy.isUp(id);
    }

    @Override
    public boolean hasRun() {
        return policy.hasRun(id);
    }

    @Override
    public void markRun() {
        policy.markRun(id);
    }

    @Override
    public void report(boolean up) {
        door.accept(policy.checkerResult(id, up));
    }

    @Override
    public void scriptWeight(int status) {
        door.accept(policy.scriptWeight(id, status));
    }

    @Override
    public void scriptFailed(int status) {
        door.accept(policy.scriptFailed(id, status));
    }

    @Override
    public void fileValue(long value) {
        door.accept(policy.fileValue(id, value));
    }

    @Override
    public void log(String line) {
        log.accept(line);
    }

    @Override
    public boolean logAllFailures() {
        return logAllFailures;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vsName() {
        return vsName;
    }
}
