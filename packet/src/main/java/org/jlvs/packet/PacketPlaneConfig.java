package org.jlvs.packet;

/**
 * How the packet plane runs: its NFQUEUE queues ({@code queueCount} from {@code firstQueue},
 * one thread each), the inside interface that DR and TUN packets leave by (null: any, MTU
 * 1500), and how many packets a thread takes per receive.
 */
public record PacketPlaneConfig(int firstQueue, int queueCount, String insideInterface, int batch) {
    public PacketPlaneConfig {
        if (firstQueue < 0 || queueCount < 1 || firstQueue + queueCount > 65536) {
            throw new IllegalArgumentException("queues must lie in 0..65535");
        }
        if (batch < 1 || batch > 1024) {
            throw new IllegalArgumentException("batch must be 1..1024");
        }
    }

    /** {@code N} or {@code A-B} (as --queue takes it). */
    public static PacketPlaneConfig parse(String queues, String insideInterface) {
        int dash = queues.indexOf('-');
        try {
            int first = Integer.parseInt(dash < 0 ? queues.trim() : queues.substring(0, dash).trim());
            int last = dash < 0 ? first : Integer.parseInt(queues.substring(dash + 1).trim());
            if (last < first) {
                throw new IllegalArgumentException("--queue: range " + queues + " runs backwards");
            }
            return new PacketPlaneConfig(first, last - first + 1, insideInterface, 64);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--queue wants N or A-B, got " + queues);
        }
    }
}
