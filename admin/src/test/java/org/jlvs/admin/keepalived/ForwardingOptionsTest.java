package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * svr_forwarding_handler takes the method as soon as it knows it: a bad tunnel option is
 * reported and leaves only the tunnel settings as they were.
 */
class ForwardingOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aBadTunnelOptionKeepsTheMethod() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind TUN csum\n"
                + "  protocol TCP\n"
                + "  real_server 10.0.1.1 80 { }\n"
                + "  real_server 10.0.1.2 80 { lvs_method DR type gue }\n"
                + "  real_server 10.0.1.4 80 { lvs_method TUN type gue port 6080 csum\n     lvs_method TUN type fou }\n}\n");
        assertEquals("-A -t 10.0.0.1:80 -s rr\n"
                + "-a -t 10.0.0.1:80 -r 10.0.1.1:80 -i -w 1 --tun-type ipip\n"
                + "-a -t 10.0.0.1:80 -r 10.0.1.2:80 -g -w 1\n"
                + "-a -t 10.0.0.1:80 -r 10.0.1.4:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum\n",
                ConfFiles.table(l, TableState.HEALTHY));
    }
}
