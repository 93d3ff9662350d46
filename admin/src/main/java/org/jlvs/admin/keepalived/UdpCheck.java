package org.jlvs.admin.keepalived;

/**
 * {@code UDP_CHECK} (check_udp.c): a datagram to the server. Without {@code require_reply} it
 * passes unless an ICMP error comes back within connect_timeout; with it, a reply must come,
 * and when {@code reply} is given its first bytes must match (x: any nibble) and its length be
 * within min_reply_length..max_reply_length.
 *
 * @param payload null: keepalived's 32 bytes of "keepalived check - "
 * @param reply   null: any reply will do
 */
public record UdpCheck(Origin at, CheckerOptions options, HexBytes payload, boolean requireReply, HexBytes reply,
                       int minReplyLength, int maxReplyLength) implements Checker {
    public static final int DEFAULT_MAX_REPLY_LENGTH = 255;

    @Override
    public String keyword() {
        return "UDP_CHECK";
    }
}
