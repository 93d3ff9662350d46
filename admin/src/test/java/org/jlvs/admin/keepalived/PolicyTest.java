package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's start-up and failure rules (ipwrapper.c) and its fix-ups, on small hand-checked configurations. */
class PolicyTest {
    @TempDir
    Path dir;

    @Test
    void alphaStartsWithInhibitedServersAtZeroAndTheSorryServerIn() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server 10.0.0.1 80 {
                  lb_algo rr
                  lb_kind DR
                  protocol TCP
                  alpha
                  sorry_server 10.0.9.9 8080
                  real_server 10.0.1.1 80 {
                    weight 2
                    inhibit_on_failure
                    TCP_CHECK {
                    }
                  }
                  real_server 10.0.1.2 {
                    weight 3
                    HTTP_GET {
                      url {
                        path /
                      }
                    }
                  }
                }
                """);
        String startup = """
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 0
                -a -t 10.0.0.1:80 -r 10.0.9.9:80 -g -w 1
                """;
        assertEquals(startup, ConfFiles.table(l, TableState.ALPHA_STARTUP));
        assertEquals("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 2
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -g -w 3
                """, ConfFiles.table(l, TableState.HEALTHY));
        // under alpha nothing has come up, so failures change nothing
        assertEquals(startup, ConfFiles.table(l, TableState.RS_DOWN));
        assertTrue(ConfFiles.messages(l).contains(
                "keepalived.conf:1: WARNING - virtual server [10.0.0.1]:tcp:80 and sorry server ports don't match - resetting"),
                ConfFiles.messages(l).toString());
    }

    @Test
    void hysteresisDelaysBothLosingAndGainingQuorum() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server 10.0.0.1 80 {
                  lb_algo wlc
                  lb_kind NAT
                  protocol TCP
                  quorum 5
                  hysteresis 2
                  sorry_server 10.0.9.9 80
                  real_server 10.0.1.1 80 {
                    weight 3
                    TCP_CHECK {
                    }
                  }
                  real_server 10.0.1.2 80 {
                    weight 3
                    TCP_CHECK {
                    }
                  }
                  real_server 10.0.1.3 80 {
                    weight 3
                    TCP_CHECK {
                    }
                  }
                }
                """);
        RealServerPolicy p = new RealServerPolicy(l.config());
        IpvsTable t = new IpvsTable();
        apply(t, p.start());
        List<CheckerId> ids = p.checkers();
        apply(t, p.checkerResult(ids.get(0), false));
        apply(t, p.checkerResult(ids.get(1), false));
        // live weight 3 is not below quorum - hysteresis = 3: quorum holds
        assertEquals("""
                -A -t 10.0.0.1:80 -s wlc
                -a -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 1
                """.replace("-w 1", "-w 3"), TablePrinter.save(t));
        apply(t, p.checkerResult(ids.get(2), false));
        String sorry = """
                -A -t 10.0.0.1:80 -s wlc
                -a -t 10.0.0.1:80 -r 10.0.9.9:80 -m -w 1
                """;
        assertEquals(sorry, TablePrinter.save(t));
        apply(t, p.checkerResult(ids.get(0), true));
        apply(t, p.checkerResult(ids.get(1), true));
        // live weight 6 is below quorum + hysteresis = 7: the sorry server stays, nothing else goes in
        assertEquals(sorry, TablePrinter.save(t));
        apply(t, p.checkerResult(ids.get(2), true));
        assertEquals("""
                -A -t 10.0.0.1:80 -s wlc
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3
                -a -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 3
                """, TablePrinter.save(t));
    }

    @Test
    void anInhibitedSorryServerWaitsAtWeightZero() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server fwmark 7 {
                  lb_algo wrr
                  lb_kind NAT
                  persistence_timeout
                  sorry_server 10.0.9.9 8080
                  sorry_server_inhibit
                  real_server 10.0.1.1 80 {
                    TCP_CHECK {
                    }
                  }
                }
                """);
        assertEquals("""
                -A -f 7 -s wrr -p 360
                -a -f 7 -r 10.0.1.1:80 -m -w 1
                -a -f 7 -r 10.0.9.9:8080 -m -w 0
                """, ConfFiles.table(l, TableState.HEALTHY));
        assertEquals("""
                -A -f 7 -s wrr -p 360
                -a -f 7 -r 10.0.9.9:8080 -m -w 1
                """, ConfFiles.table(l, TableState.RS_DOWN));
    }

    @Test
    void miscDynamicSetsTheWeightAndOtherExitsFail() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                global_defs {
                  enable_script_security
                }
                virtual_server 10.0.0.1 53 {
                  lb_algo rr
                  lb_kind NAT
                  protocol UDP
                  ops
                  real_server 10.0.1.1 53 {
                    weight 10
                    MISC_CHECK {
                      misc_path "/bin/check one"
                      misc_dynamic
                    }
                  }
                  real_server 10.0.1.2 53 {
                    weight 10
                    MISC_CHECK {
                      misc_path /bin/check
                    }
                  }
                }
                """);
        assertEquals("""
                -A -u 10.0.0.1:53 -s rr -o
                -a -u 10.0.0.1:53 -r 10.0.1.1:53 -m -w 50
                -a -u 10.0.0.1:53 -r 10.0.1.2:53 -m -w 10
                """, ConfFiles.table(l, new TableState.ScriptExit(1, 52)));
        assertEquals("""
                -A -u 10.0.0.1:53 -s rr -o
                -a -u 10.0.0.1:53 -r 10.0.1.1:53 -m -w 10
                """, ConfFiles.table(l, TableState.parse("rs2-exit-52")));
        assertEquals(List.of("/bin/check", "one"),
                ((MiscCheck) l.config().virtualServers().getFirst().realServers().getFirst().checkers().getFirst())
                        .script().argv());
    }

    @Test
    void portsAreFixedUpAsKeepalivedDoes() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server 10.0.0.1 80 {
                  lb_algo rr
                  lb_kind DR
                  protocol TCP
                  real_server 10.0.1.1 8080 {
                  }
                  real_server 10.0.1.2 {
                    lvs_method NAT
                  }
                  real_server 10.0.1.3 8080 {
                    lvs_method NAT
                  }
                  real_server 10.0.1.3 8080 {
                  }
                }
                virtual_server fwmark 3 {
                  lb_algo rr
                  lb_kind DR
                  real_server 10.0.1.4 8080 {
                  }
                }
                """);
        assertEquals("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.3:8080 -m -w 1
                -A -f 3 -s rr
                -a -f 3 -r 10.0.1.4:0 -g -w 1
                """, ConfFiles.table(l, TableState.HEALTHY));
        assertEquals(List.of(
                "keepalived.conf:1: VS [10.0.0.1]:tcp:80: real server [10.0.1.3]:tcp:8080 is duplicated - removing second rs",
                "keepalived.conf:1: WARNING - virtual server [10.0.0.1]:tcp:80 and real server [10.0.1.1]:tcp:8080 ports don't match - resetting",
                "keepalived.conf:16: WARNING - fwmark virtual server FWM 3, real server [10.0.1.4]:none:8080 has port specified - clearing"),
                ConfFiles.messages(l));
    }

    @Test
    void groupsExpandRangesPrefixesAndMarks() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server_group G6 {
                  2001:db8::fe-101 443
                  fwmark 9 inet6
                }
                virtual_server_group G4 {
                  10.1.0.0/30 80
                }
                virtual_server_group UNUSED {
                  10.9.9.9 80
                }
                virtual_server group G6 {
                  lb_algo rr
                  lb_kind DR
                  protocol TCP
                  persistence_timeout 100
                  persistence_granularity 64
                  real_server fd00::1 443 {
                  }
                }
                virtual_server group G4 {
                  lb_algo sh
                  sh-port
                  lb_kind NAT
                  protocol UDP
                  real_server 10.0.1.1 {
                  }
                }
                """);
        // groups go to IPVS with the host netmask; a NAT server without a port keeps port 0 in a group
        assertEquals("""
                -A -u 10.1.0.0:80 -s sh -b sh-port
                -a -u 10.1.0.0:80 -r 10.0.1.1:0 -m -w 1
                -A -u 10.1.0.1:80 -s sh -b sh-port
                -a -u 10.1.0.1:80 -r 10.0.1.1:0 -m -w 1
                -A -u 10.1.0.2:80 -s sh -b sh-port
                -a -u 10.1.0.2:80 -r 10.0.1.1:0 -m -w 1
                -A -u 10.1.0.3:80 -s sh -b sh-port
                -a -u 10.1.0.3:80 -r 10.0.1.1:0 -m -w 1
                -A -t [2001:db8::fe]:443 -s rr -p 100
                -a -t [2001:db8::fe]:443 -r [fd00::1]:443 -g -w 1
                -A -t [2001:db8::ff]:443 -s rr -p 100
                -a -t [2001:db8::ff]:443 -r [fd00::1]:443 -g -w 1
                -A -t [2001:db8::100]:443 -s rr -p 100
                -a -t [2001:db8::100]:443 -r [fd00::1]:443 -g -w 1
                -A -t [2001:db8::101]:443 -s rr -p 100
                -a -t [2001:db8::101]:443 -r [fd00::1]:443 -g -w 1
                -A -f 9 -6 -s rr -p 100
                -a -f 9 -6 -r [fd00::1]:0 -g -w 1
                """, ConfFiles.table(l, TableState.HEALTHY));
    }

    @Test
    void flushAndTimeoutsComeFirst() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                global_defs {
                  lvs_flush
                  lvs_timeouts tcp 7200 udp 60
                }
                """);
        assertEquals(List.of(new Command.Clear(), new Command.SetTimeouts(7200, 0, 60)),
                TableBuilder.commands(l.config(), TableState.HEALTHY));
    }

    @Test
    void quorumAboveTheTotalWeightIsCappedAndSecurityIsChecked() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, """
                virtual_server 10.0.0.1 80 {
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  quorum 9
                  hysteresis 9
                  real_server 10.0.1.1 80 {
                    weight 4
                    notify_up "/bin/sh -c true"
                  }
                }
                """);
        VirtualServer vs = l.config().virtualServers().getFirst();
        assertEquals(4, vs.quorum());
        assertEquals(3, vs.hysteresis());
        assertEquals(List.of(
                "keepalived.conf:1: Warning - quorum 9 for [10.0.0.1]:tcp:80 exceeds total weight of real servers 4, reducing quorum to 4",
                "keepalived.conf:1: Virtual server [10.0.0.1]:tcp:80: hysteresis 9 >= quorum 4; setting hysteresis to 3",
                "keepalived.conf:7: SECURITY VIOLATION - check scripts are being executed but script_security not enabled."),
                ConfFiles.messages(l));
        assertEquals(Severity.ERROR, l.worst());
    }

    private static void apply(IpvsTable t, List<Command> commands) {
        assertEquals(List.of(), TablePrinter.apply(commands, t));
    }
}
