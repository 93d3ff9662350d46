package org.jlvs.packet.rules;

/** The NFQUEUE target for our queues: one queue, or a range balanced by flow; bypassed when nobody listens. */
public record QueueTarget(int first, int count) {
    public String text() {
        String q = count == 1 ? "--queue-num " + first : "--queue-balance " + first + ":" + (first + count - 1);
        // a director that is not running lets traffic through to the local stack rather than blackholing it
        return "-j NFQUEUE " + q + " --queue-bypass";
    }
}
