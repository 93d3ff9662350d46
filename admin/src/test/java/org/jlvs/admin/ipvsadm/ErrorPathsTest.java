package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Errors the given golden cases do not cover, with the bytes SPEC.md's rules give: each script
 * runs on a fresh table; the last command's status, the whole stderr and the whole stdout.
 */
class ErrorPathsTest {
    private static void expect(String script, int status, String stderr, String stdout) {
        GoldenCasesTest.Run r = GoldenCasesTest.runAll(new LocalControl(), ShellScript.parse(script));
        assertEquals(status + "\n" + stderr + "--stdout--\n" + stdout,
                r.status() + "\n" + r.stderr() + "--stdout--\n" + r.stdout(), script);
    }

    private static final String TRY = "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n";

    @Test
    void theFirstOptionMustBeACommand() {
        expect("ipvsadm -n -L", 255, TRY, "");
        expect("ipvsadm foo", 255, TRY, "");
        expect("ipvsadm --add-service=1", 255, TRY, "");
        expect("ipvsadm -L -A", 2, "invalid option `-A'\n", "");
        expect("ipvsadm -L --start-daemon master", 2, "invalid option `master'\n", "");
        expect("ipvsadm foo -L", 2, "unexpected argument foo\n", "");
    }

    @Test
    void poptErrorsNameTheWordAsTyped() {
        expect("ipvsadm -A -t 10.0.0.1:80 -s rr --sched=rr", 255, "--sched=rr: unknown option\n", "");
        expect("ipvsadm -Lq", 255, "-Lq: unknown option\n", "");
        expect("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -mw", 255, "-mw: missing argument\n", "");
        expect("ipvsadm -L --stats=yes", 255, "--stats=yes: option does not take an argument\n", "");
    }

    @Test
    void valueRules() {
        expect("ipvsadm -A -t 10.0.0.1:80 -6", 2, "-6 used before -f\n\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80 -p 0", 2, "invalid timeout value `0' specified\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80 -p -1", 255, "-1: unknown option\n", "");
        expect("ipvsadm -A -f 0x10", 2, "invalid fwmark value `0x10' specified\n", "");
        expect("ipvsadm -A -t 10.0.0.1", 2, "Zero port specified for non-persistent service\n", "");
        expect("ipvsadm -A -t 10.0.0.1:53 -o", 2, "One-Packet Scheduling is only for UDP virtual services\n", "");
        expect("ipvsadm -A -t '[2001:db8::1]:80' -p -M 0", 2, "illegal ipv6 netmask specified\n", "");
        expect("ipvsadm -A -t '[2001:db8::1]'", 2, "illegal virtual server address[:port] specified\n", "");
        expect("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2:80 -x 2147483648", 2, "illegal u_threshold specified\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80 -s mh -b sh-port", 2, "incompatible scheduler flag `sh-port'\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80 -b flag-1,bogus", 2, "invalid scheduler flag `bogus'\n", "");
        expect("ipvsadm --set 10 20", 2, "--set option requires 3 timeout values\n", "");
        expect("ipvsadm --set 10 20 2678401", 2, "invalid timeout value `2678401' specified\n", "");
        expect("ipvsadm --start-daemon master --syncid 256", 2, "illegal syncid specified\n", "");
        expect("ipvsadm --start-daemon master --mcast-group 10.0.0.1", 2,
                "invalid IPv4 mcast-group `10.0.0.1'\n", "");
        expect("ipvsadm --start-daemon master --mcast-group 2001:db8::1", 2,
                "invalid IPv6 mcast-group `2001:db8::1'\n", "");
        expect("ipvsadm --stop-daemon slave", 2, "illegal start_daemon specified\n", "");
    }

    @Test
    void theOptionTableReportsTheFirstProblemInItsOrder() {
        expect("ipvsadm -a -w 3", 2, "You need to supply the 'service-address' option for the 'add-server' command\n", "");
        expect("ipvsadm -a -t 10.0.0.1:80", 2, "You need to supply the 'real-server' option for the 'add-server' command\n", "");
        expect("ipvsadm -D -t 10.0.0.1:80 -s rr -n", 2, "Illegal 'numeric' option with the 'delete-service' command\n", "");
        expect("ipvsadm -S --nosort", 2, "Illegal 'nosort' option with the 'save' command\n", "");
        expect("ipvsadm -L --timeout --daemon", 2,
                "The option 'daemon' conflicts with the 'timeout' option in the 'list' command\n", "");
        expect("ipvsadm -L --daemon --rate", 2, "options conflicts in the list command\n", "");
    }

    @Test
    void serverRules() {
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 --tun-type gre", 2,
                "Tunnel options conflict with forward method\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-csum", 2,
                "Illegal 'tun-csum' option with the 'ipip' tunnel type\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type gue --tun-port 1 --tun-csum --tun-remcsum",
                2, "The option 'tun-remcsum' conflicts with the 'tun-csum' option in the 'gue' tunnel type\n", "");
        // -e without -m forces the service port, so a NAT server on another port is not found
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m\n"
                + "ipvsadm -e -t 10.0.0.1:80 -r 10.0.0.2:8080 -w 2", 255, "No such destination\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -a -t 10.0.0.1:80 -r 224.0.0.5", 255,
                "Invalid operation.  Possibly wrong module version, address not unicast, ...\n", "");
    }

    @Test
    void kernelRefusalsPerCall() {
        expect("ipvsadm -E -t 10.0.0.1:80", 255, "No such service\n", "");
        expect("ipvsadm -Z -u 10.0.0.1:53", 255, "No such service\n", "");
        expect("ipvsadm -d -t 10.0.0.1:80 -r 10.0.0.2", 255, "Service not defined\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -d -t 10.0.0.1:80 -r 10.0.0.2", 255, "No such destination\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -E -t 10.0.0.1:80 --pe nope", 255,
                "Scheduler or persistence engine not found\n", "");
        expect("ipvsadm -A -t 10.0.0.1:80\nipvsadm -A -t 10.0.0.1:80 -s nope", 255, "Service already exists\n", "");
        expect("ipvsadm -L -n -t 10.0.0.1:80", 1, "No such service\n", "");
    }

    @Test
    void restoreGoesOnAfterRefusalsAndPoptErrorsButNotAfterValueErrors() {
        expect("ipvsadm -R <<'EOF'\n-A -t 10.0.0.1:80\n-A -t 10.0.0.1:80\n-L -n --bogus\n-L --timeout\nEOF",
                0, "Service already exists\n--bogus: unknown option\n", "Timeout (tcp tcpfin udp): 900 120 300\n");
        expect("ipvsadm -R <<'EOF'\n-A -t 10.0.0.1:80 -p 0\n-L --timeout\nEOF",
                2, "invalid timeout value `0' specified\n", "");
        expect("ipvsadm -R <<'EOF'\n-C\n-R\n-L --timeout\nEOF", 255, TRY, "");
        expect("ipvsadm -R <<'EOF'\n-A -t 10.0.0.1:80\n-A -t 10.0.0.1:80\nEOF", 255, "Service already exists\n", "");
    }

    @Test
    void syncDaemonsParseButAreNotAvailableYet() {
        expect("ipvsadm --start-daemon backup --mcast-interface lo --syncid 7", 255,
                NoSyncDaemon.NOT_AVAILABLE + "\n", "");
        // what the kernel answers without a daemon: no such interface, none running
        expect("ipvsadm --start-daemon master --mcast-interface nosuchdev0", 255, "No such device\n", "");
        expect("ipvsadm --stop-daemon master", 255, "No daemon is running\n", "");
        expect("ipvsadm -L --daemon", 0, "", "");
    }

    @Test
    void helpAndVersionOnlyAsTheFirstOption() {
        expect("ipvsadm --version", 0, "", Usage.VERSION + "\n");
        expect("ipvsadm -L -v", 2, "invalid option `-v'\n", "");
        GoldenCasesTest.Run r = GoldenCasesTest.runAll(new LocalControl(), ShellScript.parse("ipvsadm -h"));
        assertEquals(0, r.status());
        assertEquals(Usage.VERSION + "\nUsage:\n", r.stdout().substring(0, Usage.VERSION.length() + 8));
    }
}
