package com.plmr.mfa.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of the database that a test can cut: the database "goes away" (every
 * connection is closed and new ones are closed at once) or "falls silent" (connections open but
 * nothing passes in either direction, as when packets are dropped). The shared database behind it
 * is never touched.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode { FORWARD, GONE, SILENT }

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.FORWARD;

    TcpProxy(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection; new ones are closed as soon as they are accepted. */
    void gone() {
        mode = Mode.GONE;
        closeAll();
    }

    /** Lets nothing through any more, without closing anything. */
    void silent() {
        mode = Mode.SILENT;
    }

    /** Forwards again; connections from before the outage are closed (bytes were lost on them). */
    void restore() {
        if (mode == Mode.FORWARD) {
            return;
        }
        Set<Socket> before = Set.copyOf(open);
        mode = Mode.FORWARD;
        before.forEach(this::close);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                switch (mode) {
                    case GONE -> close(client);
                    case SILENT -> threads.execute(() -> pump(client, null));
                    case FORWARD -> {
                        Socket upstream = new Socket(upstreamHost, upstreamPort);
                        open.add(upstream);
                        threads.execute(() -> pump(client, upstream));
                        threads.execute(() -> pump(upstream, client));
                    }
                }
            } catch (IOException e) {
                // the listener was closed, or the database refused: the client sees its connection end
            }
        }
    }

    /** Copies bytes while forwarding, drops them otherwise, until either side closes. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (mode == Mode.FORWARD && out != null) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            if (to != null) {
                close(to);
            }
        }
    }

    private void closeAll() {
        open.forEach(this::close);
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        closeAll();
        threads.shutdownNow();
    }
}
