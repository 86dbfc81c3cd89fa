package com.qleven.adapters.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets with Nagle's algorithm off ({@code TCP_NODELAY}). Paho v3 leaves it on, and a QoS 1
 * exchange of small packets then waits on delayed TCP acknowledgements (about 40 ms per message on
 * Linux). For {@code tcp://} URLs only: Paho requires an {@code SSLSocketFactory} for {@code ssl://},
 * whose sockets keep the JVM's defaults.
 */
final class NoDelaySockets extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return noDelay(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return noDelay(new Socket(host, port, local, localPort));
    }

    /** Whether the broker URL is plain TCP, where these sockets apply. */
    static boolean applies(String url) {
        return url.regionMatches(true, 0, "tcp://", 0, "tcp://".length());
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
