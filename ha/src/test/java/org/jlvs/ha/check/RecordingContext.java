package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A checker's context without a policy: it keeps is_up/has_run as the policy would for a lone
 * checker, and records reports and log lines.
 */
final class RecordingContext implements CheckerContext {
    boolean up = true;
    boolean hasRun;
    boolean logAll;
    final List<String> reports = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public boolean hasRun() {
        return hasRun;
    }

    @Override
    public void markRun() {
        hasRun = true;
    }

    @Override
    public void report(boolean state) {
        reports.add(state ? "up" : "down");
        up = state;
        hasRun = true;
    }

    @Override
    public void scriptWeight(int status) {
        reports.add("weight " + status);
    }

    @Override
    public void scriptFailed(int status) {
        reports.add("failed " + status);
        up = false;
        hasRun = true;
    }

    @Override
    public void fileValue(long value) {
        reports.add("file " + value);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    @Override
    public boolean logAllFailures() {
        return logAll;
    }

    @Override
    public String name() {
        return "[127.0.0.1]:tcp:80";
    }

    @Override
    public String vsName() {
        return "[10.0.0.1]:tcp:80";
    }
}
