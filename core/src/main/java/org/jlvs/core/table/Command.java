package org.jlvs.core.table;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;

/** Every change ipvsadm (or keepalived, or the sync daemon) can ask of the table. */
public sealed interface Command {
    /** ipvsadm -A. */
    record AddService(ServiceConfig config) implements Command {
    }

    /** ipvsadm -E: the whole definition is replaced. */
    record EditService(ServiceConfig config) implements Command {
    }

    /** ipvsadm -D. */
    record DeleteService(ServiceKey key) implements Command {
    }

    /** ipvsadm -C: every service goes; timeouts stay. */
    record Clear() implements Command {
    }

    /** ipvsadm -a. */
    record AddDest(ServiceKey service, DestConfig dest) implements Command {
    }

    /** ipvsadm -e. */
    record EditDest(ServiceKey service, DestConfig dest) implements Command {
    }

    /** ipvsadm -d. */
    record DeleteDest(ServiceKey service, IpAddress address, int port) implements Command {
    }

    /** ipvsadm -Z, for one service or (null) all. */
    record Zero(ServiceKey service) implements Command {
    }

    /** ipvsadm --set tcp tcpfin udp; 0 leaves a value as it is. */
    record SetTimeouts(int tcp, int tcpFin, int udp) implements Command {
    }
}
