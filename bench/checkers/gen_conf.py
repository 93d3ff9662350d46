#!/usr/bin/env python3
"""Writes keepalived.conf files for bench/checkers.sh.

  gen_conf.py checkers PORT0 COUNT   one virtual server, COUNT real servers on 127.0.0.1:PORT0.., TCP_CHECK each second
  gen_conf.py production             173 virtual servers, 579 real servers, the mix of a production director
"""
import sys

def checkers(port0, count):
    out = ["global_defs {\n  router_id bench\n}\n",
           "virtual_server 127.0.0.1 %d {\n  delay_loop 1\n  lb_algo wlc\n  lb_kind NAT\n  protocol TCP\n" % (port0 - 1)]
    for i in range(count):
        out.append("  real_server 127.0.0.1 %d {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 3\n"
                   "      retry 1\n      delay_before_retry 1\n    }\n  }\n" % (port0 + i))
    out.append("}\n")
    return "".join(out)

def production():
    out = ["! Configuration File for keepalived (generated: 173 virtual servers, 579 real servers)\n",
           "global_defs {\n  notification_email {\n    ops@example.com\n  }\n  router_id LVS_PROD\n}\n"]
    rs_left = 579
    for v in range(173):
        vip = "10.%d.%d.%d" % (10 + v // 250, (v // 10) % 25, 1 + v % 250)
        n = 3 if v >= 60 else 4            # 60 x 4 + 113 x 3 = 579
        rs_left -= n
        kind = v % 4
        out.append("# service %d\n" % v)
        if kind == 3:
            out.append("virtual_server_group G%d {\n  %s 443\n  10.200.%d.%d 443\n}\n" % (v, vip, v // 250, 1 + v % 250))
            out.append("virtual_server group G%d {\n" % v)
        else:
            out.append("virtual_server %s %d {\n" % (vip, 80 if kind != 2 else 8443))
        out.append("  delay_loop 6\n  lb_algo %s\n  lb_kind %s\n  protocol TCP\n"
                   % (["wrr", "wlc", "rr", "sh"][kind], ["DR", "NAT", "DR", "TUN"][kind]))
        if kind in (1, 3):
            out.append("  persistence_timeout 300\n")
        if v % 7 == 0:
            out.append("  sorry_server 192.168.250.%d 80\n" % (1 + v % 250))
        for r in range(n):
            rip = "172.%d.%d.%d" % (16 + v // 64, v % 64 * 4 + r // 250, 10 + r)
            out.append("  real_server %s %d {\n    weight %d\n" % (rip, 80 if kind != 2 else 8443, 1 + r % 3))
            if kind == 0:
                out.append("    HTTP_GET {\n      url {\n        path /health\n        status_code 200\n      }\n"
                           "      connect_timeout 3\n      retry 3\n      delay_before_retry 2\n    }\n")
            elif kind == 1:
                out.append("    inhibit_on_failure\n    TCP_CHECK {\n      connect_timeout 3\n    }\n")
            elif kind == 2:
                out.append("    SSL_GET {\n      url {\n        path /status\n"
                           "        digest 9b3a0c85a887a256d6939da88aabd8cd\n      }\n      connect_timeout 5\n    }\n")
            else:
                out.append("    MISC_CHECK {\n      misc_path \"/usr/local/bin/check_app.sh %s\"\n      misc_timeout 5\n    }\n" % rip)
            out.append("  }\n")
        out.append("}\n")
    assert rs_left == 0
    return "".join(out)

if __name__ == "__main__":
    if sys.argv[1] == "checkers":
        sys.stdout.write(checkers(int(sys.argv[2]), int(sys.argv[3])))
    else:
        sys.stdout.write(production())
