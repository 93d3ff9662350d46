package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.keepalived.GlobalDefs;
import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whom scripts run as: script_user, a script's own user, and what happens without root. */
class ScriptUsersTest {
    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    private GlobalDefs global(String defs) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, "global_defs {\n" + defs + "\n}\n");
        return KeepalivedConf.load(f, new KeepalivedConf.Options(null, "test")).config().global();
    }

    private static Script script(String command, String user, String group) {
        return new Script(command, List.of(command.split(" ")), user, group);
    }

    @Test
    void scriptUserAndAScriptsOwnUserChooseWhoRunsIt() throws Exception {
        ScriptUsers users = new ScriptUsers(log::add, true);
        users.configure(global("script_user nobody"));
        long nobody = Long.parseLong(passwd("nobody", 2));
        long nobodyGroup = Long.parseLong(passwd("nobody", 3));
        assertEquals(List.of("setpriv", "--regid=" + nobodyGroup, "--groups=" + nobodyGroup, "--reuid=" + nobody, "--"),
                users.prefix(script("/bin/true", null, null)));
        assertEquals(List.of(), users.prefix(script("/bin/true", "root", null)), "a script's own user wins");
        assertEquals(List.of("setpriv", "--regid=0", "--groups=0", "--reuid=" + nobody, "--"),
                users.prefix(script("/bin/true", "nobody", "root")), "and its own group");
    }

    @Test
    void anUnknownUserIsSaidAndScriptsRunAsTheDirector() throws Exception {
        ScriptUsers users = new ScriptUsers(log::add, true);
        users.configure(global("script_user no-such-user-jlvs"));
        assertEquals(List.of(), users.prefix(script("/bin/true", null, null)));
        assertTrue(log.getFirst().contains("no-such-user-jlvs"), log.toString());
    }

    @Test
    void withoutRootScriptsRunAsTheDirectorsUserAndThatIsSaidOnce() throws Exception {
        ScriptUsers users = new ScriptUsers(log::add, false);
        users.configure(global("script_user nobody"));
        assertEquals(List.of(), users.prefix(script("/bin/true", null, null)));
        assertEquals(List.of(), users.prefix(script("/bin/false", null, null)));
        assertEquals(1, log.size(), log.toString());
    }

    @Test
    void aCheckScriptRunsAsScriptUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to change user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("who");
        Path p = dir.resolve("who.sh");
        Files.writeString(p, "#!/bin/sh\necho \"$(id -u):$(id -g):$(id -G)\" > " + out + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScriptUsers users = new ScriptUsers(log::add, true);
        users.configure(global("script_user nobody"));
        Scripts scripts = new Scripts(null, users);
        assertEquals(0, scripts.run(script(p.toString(), null, null), 5000).status());
        String g = passwd("nobody", 3);
        assertEquals(passwd("nobody", 2) + ":" + g + ":" + g, Files.readString(out).strip());
    }

    /** A field of the user's passwd entry, as getent gives it: 2 the uid, 3 the primary gid. */
    private static String passwd(String user, int field) throws Exception {
        Process p = new ProcessBuilder("getent", "passwd", user).start();
        String line = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return line.split(":")[field];
    }
}
