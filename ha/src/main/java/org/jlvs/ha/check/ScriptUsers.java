package org.jlvs.ha.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.GlobalDefs;
import org.jlvs.admin.keepalived.Script;

/**
 * Whom keepalived runs a script as: the script's own {@code user [group]}, else global_defs'
 * {@code script_user}, else the user {@code keepalived_script} when it exists, else root. The
 * group is the one named, else the user's own. Where that is not root, keepalived sets the
 * group, the supplementary groups to just that group, then the user, before it executes the
 * script; JLVS, being one Java process, has {@code setpriv} do the same. Names are resolved
 * (through NSS, with getent) once per configuration.
 */
final class ScriptUsers {
    static final String DEFAULT_USER = "keepalived_script";

    /** A resolved uid and gid; both 0 means root, run as the director itself. */
    record Ids(long uid, long gid) {
        static final Ids ROOT = new Ids(0, 0);
    }

    private final Consumer<String> log;
    private final boolean root;
    private final Map<String, long[]> users = new HashMap<>();
    private final Map<String, Long> groups = new HashMap<>();
    /** Script users already said to be unknown (said once, not at every run). */
    private final java.util.Set<String> unresolved = new java.util.HashSet<>();
    private volatile Ids defaults = Ids.ROOT;
    private boolean warnedNotRoot;

    ScriptUsers(Consumer<String> log) {
        this(log, "root".equals(System.getProperty("user.name")));
    }

    ScriptUsers(Consumer<String> log, boolean root) {
        this.log = log;
        this.root = root;
    }

    /** Takes the configuration's defaults (at start and at each reload). */
    synchronized void configure(GlobalDefs g) {
        if (g.scriptUser() != null) {
            Ids ids = resolve(g.scriptUser(), g.scriptGroup());
            if (ids == null) {
                log.accept("Unable to set script user to '" + g.scriptUser() + "' - running scripts as root");
                defaults = Ids.ROOT;
            } else {
                defaults = ids;
            }
            return;
        }
        long[] u = user(DEFAULT_USER);
        if (u == null) {
            defaults = Ids.ROOT;
        } else {
            defaults = new Ids(u[0], u[1]);
            log.accept("Setting default script user to '" + DEFAULT_USER + "', uid:gid " + u[0] + ":" + u[1]);
        }
    }

    /** The uid and gid the script runs as. */
    synchronized Ids ids(Script s) {
        if (s.user() != null) {
            Ids own = resolve(s.user(), s.group());
            if (own != null) {
                return own;
            }
            if (unresolved.add(s.user() + ":" + s.group())) {
                log.accept("Unable to resolve script user '" + s.user() + "' for " + s.command() + " - using the default");
            }
        }
        return defaults;
    }

    /** What goes before the script's argv: nothing, or setpriv dropping to its user. */
    synchronized List<String> prefix(Script s) {
        Ids ids = ids(s);
        if (ids.uid == 0 && ids.gid == 0) {
            return List.of();
        }
        if (!root) {
            if (!warnedNotRoot) {
                warnedNotRoot = true;
                log.accept("Scripts run as this process's own user: jlvsd is not root, so it cannot run them as uid:gid "
                        + ids.uid + ":" + ids.gid);
            }
            return List.of();
        }
        String gid = Long.toString(ids.gid);
        return List.of("setpriv", "--regid=" + gid, "--groups=" + gid, "--reuid=" + ids.uid, "--");
    }

    private Ids resolve(String user, String group) {
        long[] u = user(user);
        if (u == null) {
            return null;
        }
        if (group == null) {
            return new Ids(u[0], u[1]);
        }
        Long g = group(group);
        return g == null ? null : new Ids(u[0], g);
    }

    /** uid and primary gid, or null when there is no such user. */
    private long[] user(String name) {
        return users.computeIfAbsent(name, n -> {
            String[] f = getent("passwd", n);
            return f == null || f.length < 4 ? null : new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])};
        });
    }

    private Long group(String name) {
        return groups.computeIfAbsent(name, n -> {
            String[] f = getent("group", n);
            return f == null || f.length < 3 ? null : Long.parseLong(f[2]);
        });
    }

    /** One getent line split on ':', or null when the name is unknown (or not a plain name). */
    private static String[] getent(String db, String name) {
        if (name.isEmpty() || name.startsWith("-")) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("getent", db, name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                return null;
            }
            String[] f = out.lines().findFirst().orElse("").split(":", -1);
            return f.length > 2 && f[2].chars().allMatch(Character::isDigit) && !f[2].isEmpty() ? f : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
