package org.jlvs.ha.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.Checker;
import org.jlvs.admin.keepalived.FileCheck;
import org.jlvs.admin.keepalived.KeepalivedConfig;
import org.jlvs.admin.keepalived.Names;
import org.jlvs.admin.keepalived.PolicyEvents;
import org.jlvs.admin.keepalived.RealServer;
import org.jlvs.admin.keepalived.RealServerPolicy;
import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.admin.keepalived.Script;
import org.jlvs.admin.keepalived.VirtualServer;
import org.jlvs.core.table.Command;

/**
 * keepalived's checker process: installs the table a configuration yields, runs its checkers and
 * applies what the policy decides, one report at a time (a lock serialises the policy and the
 * table door). Timers and TCP connects run on one scheduler thread, the other probes on virtual
 * threads of their own (see {@link CheckScheduler}).
 */
public final class CheckEngine {
    /** keepalived's BOOTSTRAP_DELAY: the first check waits this, plus a random part of warmup. */
    public static final Duration BOOTSTRAP_DELAY = Duration.ofSeconds(1);

    private final TableDoor door;
    private final Consumer<String> log;
    private final Scripts scripts;
    private final NativeProbes probes;
    private final TrackFiles files;
    private final Duration bootstrap;
    private final ReentrantLock lock = new ReentrantLock();
    private final PolicyEvents events;
    /** notify_fifo and lvs_notify_fifo, while the checkers run (written under the lock). */
    private NotifyFifos fifos = NotifyFifos.NONE;
    private RealServerPolicy policy;
    private final CheckScheduler scheduler;
    private List<CheckTask> tasks = List.of();
    private boolean stopped;

    /**
     * @param log  where keepalived's log lines go, one line per call
     * @param root the root prefix absolute script paths are looked up under; null for "/"
     */
    public CheckEngine(TableDoor door, Consumer<String> log, Path root) {
        this(door, log, root, BOOTSTRAP_DELAY);
    }

    /** With another bootstrap delay (tests start checking at once). */
    public CheckEngine(TableDoor door, Consumer<String> log, Path root, Duration bootstrap) {
        this.door = door;
        this.log = log;
        this.scripts = new Scripts(root, new ScriptUsers(log));
        this.probes = new NativeProbes(log);
        this.files = new TrackFiles(root, log);
        this.bootstrap = bootstrap;
        this.scheduler = new CheckScheduler(lock, log);
        this.events = new PolicyEvents() {
            @Override
            public void log(String line) {
                log.accept(line);
            }

            @Override
            public void notify(Script script) {
                if (!scripts.spawn(script)) {
                    log.accept("Failed to exec notify script " + script.command());
                }
            }

            @Override
            public void fifo(String line) {
                fifos.write(line);
            }
        };
    }

    /** Installs the table for {@code config} and starts its checkers (keepalived's start). */
    public void start(KeepalivedConfig config) {
        lock.lock();
        try {
            initTrackFiles(config, false);
            scripts.configure(config.global(), log);
            fifos = NotifyFifos.open(config.global(), scripts, log);
            KeepalivedConfig runnable = RunnableConfig.of(config, scripts, files, log);
            policy = new RealServerPolicy(runnable, events, this::fileValue);
            apply(policy.start());
            List<CheckTask> started = new ArrayList<>();
            for (CheckerId id : policy.checkers()) {
                CheckTask task = task(id);
                task.checker.retryIt(policy.checker(id).options().retry());  // one failure is enough at start
                started.add(task);
            }
            tasks = started;
            launch(started);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-reads: the policy applies the exact difference to the table (see RealServerPolicy.reload),
     * then every checker of the new file starts afresh, those that stayed the same with their
     * state and retry count carried over. The caller has validated {@code config} first.
     */
    public void reload(KeepalivedConfig config) {
        lock.lock();
        try {
            if (stopped || policy == null) {
                return;
            }
            initTrackFiles(config, true);
            scripts.configure(config.global(), log);
            if (!fifos.same(config.global())) {
                fifos.close();
                fifos = NotifyFifos.open(config.global(), scripts, log);
            }
            KeepalivedConfig runnable = RunnableConfig.of(config, scripts, files, log);
            java.util.Map<CheckerId, CheckTask> running = new java.util.HashMap<>();
            for (CheckTask t : tasks) {
                running.put(t.ctx.id(), t);
                t.stop();
            }
            RealServerPolicy.Reloaded r = policy.reload(runnable, id -> {
                CheckTask t = running.get(id);
                return t == null ? 0 : t.checker.retryIt();
            });
            policy = r.policy();
            apply(r.commands());
            List<CheckTask> started = new ArrayList<>();
            for (CheckerId id : policy.checkers()) {
                CheckTask task = task(id);
                task.checker.retryIt(r.retryIts().getOrDefault(id, 0));
                started.add(task);
            }
            tasks = started;
            launch(started);
        } finally {
            lock.unlock();
        }
    }

    /** The LVS part of keepalived's data dump, from the state the checkers have reached. */
    public String dump() {
        return withPolicy(p -> p == null ? "" : p.dump());
    }

    /**
     * Stops the checkers. keepalived then removes what it installed, logging "Shutting down service"
     * and, with omega, running notify_down and quorum_down; with {@code releaseTable} false the
     * entries stay (the director's table ends with the process, or -I asked to keep it).
     */
    public void stop(boolean releaseTable) {
        lock.lock();
        try {
            if (stopped || policy == null) {
                return;
            }
            stopped = true;
            for (CheckTask t : tasks) {
                t.stop();
            }
            scheduler.close();
            probes.close();
            List<Command> clear = policy.stop();
            if (releaseTable) {
                apply(clear);
            }
            fifos.close();
            fifos = NotifyFifos.NONE;
        } finally {
            lock.unlock();
        }
    }

    /** The policy as it stands (read under the engine's lock by {@link #withPolicy}). */
    public <T> T withPolicy(java.util.function.Function<RealServerPolicy, T> f) {
        lock.lock();
        try {
            return f.apply(policy);
        } finally {
            lock.unlock();
        }
    }

    private CheckTask task(CheckerId id) {
        VirtualServer vs = policy.virtualServer(id);
        RealServer rs = policy.realServer(id);
        Checker c = policy.checker(id);
        HealthChecker<Object> h = CheckerFactory.create(c, rs, vs, scripts, probes, files, log);
        boolean logAll = policy.config().global().checkerLogAllFailures() || c.options().logAllFailures();
        PolicyContext ctx = new PolicyContext(policy, id, this::apply, log, logAll,
                Names.trio(rs.address(), vs.protocol(), rs.port()), vs.name());
        return new CheckTask(h, ctx);
    }

    /**
     * "Activating healthchecker" for each, then the first check after the bootstrap delay and a
     * random warmup; a FILE_CHECK, which keepalived does not launch (inotify tells it), at once.
     */
    private void launch(List<CheckTask> started) {
        for (CheckTask t : started) {
            if (!(policy.checker(t.ctx.id()) instanceof FileCheck)) {
                log.accept("Activating healthchecker for service " + t.ctx.name() + " for VS " + t.ctx.vsName());
            }
        }
        for (CheckTask t : started) {
            if (policy.checker(t.ctx.id()) instanceof FileCheck) {
                scheduler.start(t, Duration.ZERO);
                continue;
            }
            Duration warmup = policy.checker(t.ctx.id()).options().warmup();
            long w = warmup == null || warmup.isZero() ? 0
                    : ThreadLocalRandom.current().nextLong(warmup.toNanos() + 1);
            scheduler.start(t, bootstrap.plusNanos(w));
        }
    }

    /** init_file for the track files FILE_CHECKs name (keepalived does it as it reads the file). */
    private void initTrackFiles(KeepalivedConfig config, boolean reload) {
        java.util.Set<org.jlvs.admin.keepalived.TrackFile> seen = new java.util.HashSet<>();
        for (VirtualServer vs : config.virtualServers()) {
            for (RealServer rs : vs.realServers()) {
                for (Checker c : rs.checkers()) {
                    if (c instanceof FileCheck f && seen.add(f.file())) {
                        files.init(f.file(), reload);
                    }
                }
            }
        }
    }

    /** What a FILE_CHECK's file holds now; 0 when unreadable or out of range (keepalived's start value). */
    private long fileValue(FileCheck f) {
        return files.read(Path.of(f.file().path())).orElse(0);
    }

    /** Through the door; refusals are logged and the rest still goes (keepalived goes on after an IPVS error). */
    private void apply(List<Command> commands) {
        if (commands.isEmpty()) {
            return;
        }
        for (String refused : door.apply(commands)) {
            log.accept("IPVS: " + refused);
        }
    }
}
