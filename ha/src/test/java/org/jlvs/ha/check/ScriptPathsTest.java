package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.Script;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enable_script_security: which scripts keepalived would refuse to run as root. */
class ScriptPathsTest {
    @TempDir
    Path dir;

    Path script;
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void rootOwnedScript() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the files must be root's");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        script = dir.resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aRootOwnedPathIsSafeAndAWritableOneIsNot() throws Exception {
        assertNull(ScriptPaths.unsafe(script), "/tmp is sticky, the rest root's and not writable by others");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(script, ScriptPaths.unsafe(script), "a world-writable file");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(dir, ScriptPaths.unsafe(script), "a world-writable directory without the sticky bit");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(script, "unix:uid", 65534);
        assertEquals(script, ScriptPaths.unsafe(script), "a file someone else owns");
    }

    @Test
    void onlyScriptsRunAsRootNeedIt() {
        assertTrue(ScriptPaths.needsProtection(script, 0, 0));
        assertTrue(ScriptPaths.needsProtection(script, 65534, 0), "group root");
        assertFalse(ScriptPaths.needsProtection(script, 65534, 65534));
    }

    @Test
    void withScriptSecurityAnUnsafeScriptIsNotRunAndWithoutItItIsOnlySaid() throws Exception {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        Script s = new Script(script.toString(), List.of(script.toString()), null, null);
        Scripts scripts = new Scripts(null);
        scripts.configure(global("enable_script_security"), log::add);
        assertFalse(scripts.secure(s));
        assertEquals(List.of("Unsafe permissions found for script '" + script + "'."), log);
        log.clear();
        scripts.configure(global(""), log::add);
        assertTrue(scripts.secure(s));
        assertEquals(1, log.size(), log.toString());
        log.clear();
        scripts.configure(global("script_user nobody\nenable_script_security"), log::add);
        assertTrue(scripts.secure(s), "run as nobody, nothing to protect");
        assertEquals(List.of(), log);
    }

    private org.jlvs.admin.keepalived.GlobalDefs global(String defs) throws Exception {
        Path f = Files.createTempFile("ka", ".conf");
        try {
            Files.writeString(f, "global_defs {\n" + defs + "\n}\n");
            return KeepalivedConf.load(f, new KeepalivedConf.Options(null, "test")).config().global();
        } finally {
            Files.delete(f);
        }
    }
}
