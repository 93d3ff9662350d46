package org.jlvs.ha.check;

import org.jlvs.admin.keepalived.HexBytes;
import org.jlvs.admin.keepalived.UdpCheck;

/**
 * Whether a UDP_CHECK reply is the expected one (check_udp_reply): its length within
 * min_reply_length..max_reply_length, and as many of its first bytes as both have equal to the
 * configured reply, except the nibbles written x.
 */
final class UdpReply {

    private UdpReply() {
    }

    static boolean matches(UdpCheck check, byte[] got, int len) {
        HexBytes want = check.reply();
        if (want == null) {
            return true;
        }
        if (len < check.minReplyLength() || len > check.maxReplyLength()) {
            return false;
        }
        int n = Math.min(len, want.length());
        for (int i = 0; i < n; i++) {
            int care = want.mask() == null ? 0xff : ~want.mask()[i] & 0xff;
            if (((got[i] ^ want.data()[i]) & care) != 0) {
                return false;
            }
        }
        return true;
    }
}
