package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check_include() and read_conf_file(): how an include line is cut, and which matched files are read. */
class IncludeFormsTest {
    @TempDir
    Path dir;

    private static String vs(int n) {
        return "virtual_server 10.0.0." + n + " 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n"
                + "  real_server 10.0.1." + n + " 80 { weight 1 }\n}\n";
    }

    @Test
    void aQuotedPatternIsOneWordAndExecutableIncludesAreSkipped() throws Exception {
        ConfFiles.write(dir.resolve("conf.d/a.conf"), vs(1));
        Path b = ConfFiles.write(dir.resolve("conf.d/b.conf"), vs(2));
        Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfFiles.write(dir.resolve("conf.d/c.conf"), vs(3));
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "include \"conf.d/*.conf\"\ninclude conf.d/c.conf extra\n");
        List<String> vips = l.config().virtualServers().stream()
                .map(v -> ((VsTarget.Address) v.target()).address().toString()).toList();
        assertEquals(List.of("10.0.0.1", "10.0.0.3"), vips);
        List<String> messages = ConfFiles.messages(l);
        assertTrue(messages.stream().anyMatch(m -> m.contains("b.conf' is not a regular non-executable file")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("keepalived.conf:2: Unknown keyword 'include'")), messages.toString());
    }

    @Test
    void aPatternMatchingTheIncludingFileDoesNotReadItAgain() {
        ConfFiles.write(dir.resolve("b.conf"), vs(2));
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "include *.conf\n" + vs(1));
        List<String> vips = l.config().virtualServers().stream()
                .map(v -> ((VsTarget.Address) v.target()).address().toString()).toList();
        assertEquals(List.of("10.0.0.2", "10.0.0.1"), vips);
        assertTrue(ConfFiles.messages(l).stream().anyMatch(m -> m.contains("includes itself")), ConfFiles.messages(l).toString());
    }
}
