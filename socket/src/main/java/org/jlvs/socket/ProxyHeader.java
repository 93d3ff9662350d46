package org.jlvs.socket;

import java.net.InetSocketAddress;

import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;

/** The PROXY protocol header that tells a realserver who the client is (HAProxy's spec, v1 and v2). */
final class ProxyHeader {
    private ProxyHeader() {
    }

    static HAProxyMessage of(int version, boolean tcp, InetSocketAddress client, InetSocketAddress virtual) {
        boolean v6 = client.getAddress() instanceof java.net.Inet6Address;
        HAProxyProxiedProtocol proto = tcp
                ? (v6 ? HAProxyProxiedProtocol.TCP6 : HAProxyProxiedProtocol.TCP4)
                : (v6 ? HAProxyProxiedProtocol.UDP6 : HAProxyProxiedProtocol.UDP4);
        return new HAProxyMessage(version == 1 ? HAProxyProtocolVersion.V1 : HAProxyProtocolVersion.V2,
                HAProxyCommand.PROXY, proto,
                client.getAddress().getHostAddress(), virtual.getAddress().getHostAddress(),
                client.getPort(), virtual.getPort());
    }
}
