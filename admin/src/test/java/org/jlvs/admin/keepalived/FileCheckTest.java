package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * track_file and FILE_CHECK (keepalived's track_file.c and check_file.c): how they are read, what
 * a number means, and what the policy does with it at start, on a change, and over a reload.
 */
class FileCheckTest {
    @TempDir
    Path dir;

    private final IpvsTable table = new IpvsTable();
    private final List<String> log = new ArrayList<>();
    /** The numbers the track files hold, by configured path. */
    private final Map<String, Long> files = new HashMap<>();

    static final String CONF = """
            track_file drain {
              file /run/drain
              weight 2
            }
            track_file maint {
              file /run/maint
              weight 0
            }
            virtual_server 10.0.0.1 80 {
              lb_algo wrr
              lb_kind NAT
              protocol TCP
              real_server 10.0.1.1 80 {
                weight 10
                FILE_CHECK {
                  track_file drain
                }
              }
              real_server 10.0.1.2 80 {
                weight 10
                FILE_CHECK {
                  track_file maint
                }
                FILE_CHECK {
                  track_file drain
                  weight -3 reverse
                }
              }
            }
            """;

    private KeepalivedConf.Loaded load(String text) {
        return ConfFiles.load(dir, text);
    }

    private RealServerPolicy start(String text) {
        PolicyEvents events = new PolicyEvents() {
            @Override
            public void log(String line) {
                log.add(line);
            }

            @Override
            public void notify(Script script) {
                log.add("notify " + script.command());
            }
        };
        RealServerPolicy p = new RealServerPolicy(load(text).config(), events,
                f -> files.getOrDefault(f.file().path(), 0L));
        apply(p.start());
        return p;
    }

    private void apply(List<Command> commands) {
        assertEquals(List.of(), TablePrinter.apply(commands, table));
    }

    private String dests() {
        return String.join("\n", TablePrinter.save(table).lines().filter(l -> l.startsWith("-a")).toList());
    }

    @Test
    void trackFilesAndFileChecksAreReadAsKeepalivedReadsThem() {
        KeepalivedConf.Loaded l = load(CONF);
        assertEquals(List.of(), ConfFiles.messages(l));
        List<Checker> c1 = l.config().virtualServers().getFirst().realServers().get(0).checkers();
        List<Checker> c2 = l.config().virtualServers().getFirst().realServers().get(1).checkers();
        FileCheck drain = (FileCheck) c1.getFirst();
        assertEquals(new TrackFile(drain.file().at(), "drain", "/run/drain", 2, false, null), drain.file());
        assertEquals(2, drain.weight(), "the track_file's weight");
        assertEquals(0, ((FileCheck) c2.get(0)).weight());
        FileCheck own = (FileCheck) c2.get(1);
        assertEquals(-3, own.weight());
        assertTrue(own.reverse());
        assertEquals(false, drain.options().alpha());
    }

    @Test
    void mistakesGetKeepalivedsMessages() {
        KeepalivedConf.Loaded l = load("""
                track_file a {
                  weight 300
                  weight 5 upside
                  init_file 7 overwrite x
                }
                vrrp_track_file b {
                  file /tmp/b
                  file /tmp/c
                }
                virtual_server 10.0.0.1 80 {
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  real_server 10.0.1.1 80 {
                    FILE_CHECK {
                      track_file a
                      weight 1 sideways
                      retry 3
                    }
                    FILE_CHECK {
                      track_file b
                    }
                  }
                }
                """);
        assertEquals(List.of(
                "keepalived.conf:2: Weight (300) for track_file a must be between [-254..254] inclusive. Ignoring...",
                "keepalived.conf:3: track_file a unknown weight option upside",
                "keepalived.conf:4: Unknown track file init option x",
                "keepalived.conf:1: No file set for track_file a - ignoring",
                "keepalived.conf:6: \"vrrp_track_file\" is deprecated, please use \"track_file\"",
                "keepalived.conf:8: File already set for track file b - ignoring /tmp/c",
                "keepalived.conf:16: track_file a not found",
                "keepalived.conf:17: unknown track file weight option sideways - ignoring",
                "keepalived.conf:18: Unknown keyword 'retry'",
                "keepalived.conf:15: FILE_CHECK has no track_file specified - ignoring"), ConfFiles.messages(l));
        List<Checker> checkers = l.config().virtualServers().getFirst().realServers().getFirst().checkers();
        assertEquals(1, checkers.size());
        assertEquals("/tmp/b", ((FileCheck) checkers.getFirst()).file().path());
        assertNull(((FileCheck) checkers.getFirst()).file().init());
    }

    @Test
    void aNumberIsAWeightOrAFailure() {
        TrackFile t = new TrackFile(ConfFiles.ORIGIN, "t", "/x", 1, false, null);
        CheckerOptions o = null;
        FileCheck weighted = new FileCheck(ConfFiles.ORIGIN, o, t, 5, false);
        assertEquals(0, weighted.status(0));
        assertEquals(-15, weighted.status(-3), "a negative weight is no failure");
        assertEquals(FileCheck.FAULT, weighted.status(Integer.MIN_VALUE / 5 - 1), "at or below INT_MIN is");
        assertEquals(Integer.MAX_VALUE, weighted.status(Integer.MAX_VALUE), "clamped");
        assertEquals(15, new FileCheck(ConfFiles.ORIGIN, o, t, 5, true).status(-3));
        FileCheck flag = new FileCheck(ConfFiles.ORIGIN, o, t, 0, false);
        assertEquals(0, flag.status(0));
        assertEquals(FileCheck.FAULT, flag.status(7));
        FileCheck reversed = new FileCheck(ConfFiles.ORIGIN, o, t, 0, true);
        assertEquals(FileCheck.FAULT, reversed.status(0));
        assertEquals(0, reversed.status(-1));
    }

    @Test
    void theFilesNumbersShapeTheStartTableAndEachChange() {
        files.put("/run/drain", 4L);  // rs1 +8; rs2 +12 (-3 reversed)
        files.put("/run/maint", 1L);  // rs2 fails
        RealServerPolicy p = start(CONF);
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 18", dests());
        List<CheckerId> ids = p.checkers();
        log.clear();
        apply(p.fileValue(ids.get(1), 0));  // maintenance over: rs2 in at 10 + 12
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 18\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 22", dests());
        assertEquals(List.of("Adding service [10.0.1.2]:tcp:80 to VS [10.0.0.1]:tcp:80"), log);
        log.clear();
        apply(p.fileValue(ids.get(0), -2));  // drain holds -2 now: rs1 10 - 4
        apply(p.fileValue(ids.get(2), -2));  // rs2 10 - 6 (-3, reversed)
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 6\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4", dests());
        assertEquals(List.of("Changing weight from 18 to 6 for active service [10.0.1.1]:tcp:80 of VS [10.0.0.1]:tcp:80",
                "Changing weight from 22 to 4 for active service [10.0.1.2]:tcp:80 of VS [10.0.0.1]:tcp:80"), log);
        assertEquals(List.of(), p.fileValue(ids.get(0), -2), "the same number changes nothing");
        apply(p.fileValue(ids.get(1), 3));  // maintenance again: rs2 out
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 6", dests());
    }

    @Test
    void aFailedFileTakesItsWeightAwayAndBringsItBack() {
        String conf = """
                track_file f {
                  file /run/f
                  weight 1
                }
                virtual_server 10.0.0.1 80 {
                  lb_algo wrr
                  lb_kind NAT
                  protocol TCP
                  real_server 10.0.1.1 80 {
                    weight 10
                    inhibit_on_failure
                    FILE_CHECK {
                      track_file f
                    }
                  }
                }
                """;
        files.put("/run/f", 5L);
        RealServerPolicy p = start(conf);
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 15", dests());
        CheckerId id = p.checkers().getFirst();
        apply(p.fileValue(id, Integer.MIN_VALUE));
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0", dests(), "inhibited");
        apply(p.fileValue(id, 2));
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 12", dests(), "the fault's weight is not left behind");
    }

    @Test
    void aReloadKeepsWhatAFileCheckThatStaysAddsAndDropsWhatOneThatGoesAdded() {
        files.put("/run/drain", 4L);
        RealServerPolicy p = start(CONF);
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 18\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 22", dests());
        // rs1's weight changes (its check stays); rs2's reversed check goes
        String next = CONF.replace("weight 10\n    FILE_CHECK {\n      track_file drain", "weight 20\n    FILE_CHECK {\n      track_file drain")
                .replace("    FILE_CHECK {\n      track_file drain\n      weight -3 reverse\n    }\n", "");
        RealServerPolicy.Reloaded r = p.reload(load(next).config(), id -> 0);
        apply(r.commands());
        assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 28\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 10", dests());
    }
}
