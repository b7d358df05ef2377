package com.plmr.mfa.adapter.out.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal SMTP server on loopback that answers with scripted replies, to drive the real client
 * into the failures GreenMail does not produce (rejected recipient, rejected message, silence).
 * Serves connections one after the other until closed; every read has a 5 s timeout, so it can
 * never hang a test.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final String greeting;
    private final String rcptReply;
    private final String dataEndReply;
    private volatile boolean closed;

    /**
     * @param greeting     the greeting, or {@code null} to accept the connection and stay silent
     * @param rcptReply    the reply to {@code RCPT TO}
     * @param dataEndReply the reply to the end of the message data
     */
    ScriptedSmtpServer(String greeting, String rcptReply, String dataEndReply) {
        this.greeting = greeting;
        this.rcptReply = rcptReply;
        this.dataEndReply = dataEndReply;
        try {
            this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::serve, "scripted-smtp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static ScriptedSmtpServer rejectingRecipient(String reply) {
        return new ScriptedSmtpServer("220 scripted ESMTP", reply, "250 2.0.0 queued");
    }

    static ScriptedSmtpServer rejectingMessage(String reply) {
        return new ScriptedSmtpServer("220 scripted ESMTP", "250 2.1.5 ok", reply);
    }

    static ScriptedSmtpServer silent() {
        return new ScriptedSmtpServer(null, null, null);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(5_000);
                converse(socket);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        if (greeting == null) {
            while (in.read() >= 0) {
                // silent: swallow whatever comes until the client gives up
            }
            return;
        }
        reply(out, greeting);
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                case "RCPT" -> reply(out, rcptReply);
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !".".equals(data)) {
                        // discard the message
                    }
                    reply(out, dataEndReply);
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
