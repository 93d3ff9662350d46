package org.jlvs.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

/**
 * Which Netty transport carries the sockets: io_uring where the kernel allows it (measured here
 * at 1.3-1.5x the requests per CPU-second of epoll for proxied keep-alive traffic, and fewer
 * syscalls per new connection), else native epoll, else NIO. {@code -Djlvs.transport=epoll}
 * or {@code nio} chooses. One place decides; the rest of the plane asks here.
 */
final class Transport {
    enum Kind { EPOLL, IO_URING, NIO }

    /** Listeners accept through an {@link AcceptPacer}; {@code -Djlvs.acceptPacing=false} turns it off, to compare. */
    static final boolean ACCEPT_PACING = !"false".equals(System.getProperty("jlvs.acceptPacing"));

    static final Kind KIND = choose();

    private Transport() {
    }

    private static Kind choose() {
        String want = System.getProperty("jlvs.transport", "io_uring");
        if ("io_uring".equals(want) && IoUring.isAvailable()) {
            return Kind.IO_URING;
        }
        if (!"nio".equals(want) && Epoll.isAvailable()) {
            return Kind.EPOLL;
        }
        return Kind.NIO;
    }

    static EventLoopGroup group(int threads) {
        IoHandlerFactory f = switch (KIND) {
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
        return new MultiThreadIoEventLoopGroup(threads, f);
    }

    static Class<? extends ServerChannel> serverChannel() {
        return switch (KIND) {
            case EPOLL -> EpollServerSocketChannel.class;
            case IO_URING -> IoUringServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    static ChannelFactory<Channel> socketChannelFactory() {
        return switch (KIND) {
            case EPOLL -> EpollSocketChannel::new;
            case IO_URING -> IoUringSocketChannel::new;
            case NIO -> NioSocketChannel::new;
        };
    }

    static Class<? extends Channel> datagramChannel() {
        return switch (KIND) {
            case EPOLL -> EpollDatagramChannel.class;
            case IO_URING -> IoUringDatagramChannel.class;
            case NIO -> NioDatagramChannel.class;
        };
    }

    /** IP_FREEBIND (bind an address that is not local yet), or null where the transport has none. */
    static ChannelOption<Boolean> freebind() {
        return switch (KIND) {
            case EPOLL -> EpollChannelOption.IP_FREEBIND;
            case IO_URING -> IoUringChannelOption.IP_FREEBIND;
            case NIO -> null;
        };
    }

    /** IP_TRANSPARENT (bind the client's address), or null where the transport has none. */
    static ChannelOption<Boolean> transparent() {
        return switch (KIND) {
            case EPOLL -> EpollChannelOption.IP_TRANSPARENT;
            case IO_URING -> IoUringChannelOption.IP_TRANSPARENT;
            case NIO -> null;
        };
    }

    static String name() {
        return switch (KIND) {
            case EPOLL -> "epoll";
            case IO_URING -> "io_uring";
            case NIO -> "nio (" + Epoll.unavailabilityCause() + ")";
        };
    }
}
