package com.plmr.mfa.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests no HTTP client library sends: odd
 * request targets, malformed header lines, oversized request lines. One request per connection;
 * the answer is read by its own framing, so it does not matter whether the server closes.
 */
final class RawSocket {

    /** A parsed answer; header names in lower case. */
    record Answer(String statusLine, int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private final int port;

    RawSocket(EmbeddedServer server) {
        this.port = server.getPort();
    }

    /**
     * Sends {@code method target HTTP/1.1}, the header lines as given, and an optional body. A
     * {@code Host} and a {@code Connection: close} line are added unless the given lines have one.
     */
    Answer send(String method, String target, List<String> headerLines, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headerLines.stream().noneMatch(line -> startsWithName(line, "Host"))) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (headerLines.stream().noneMatch(line -> startsWithName(line, "Connection"))) {
            request.append("Connection: close\r\n");
        }
        headerLines.forEach(line -> request.append(line).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(content);
        return exchange(bytes.toByteArray(), !"HEAD".equals(method));
    }

    private static boolean startsWithName(String line, String name) {
        return line.regionMatches(true, 0, name + ":", 0, name.length() + 1);
    }

    /** Sends the bytes and reads one answer: its head, then a body by its length, its chunks, or to the end. */
    Answer exchange(byte[] request, boolean bodyExpected) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(new BufferedInputStream(socket.getInputStream()), bodyExpected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in, boolean bodyExpected) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new AssertionError("no HTTP answer");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        byte[] body = bodyExpected && status >= 200 && status != 204 && status != 304 ? body(in, headers) : new byte[0];
        return new Answer(lines.get(0), status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.getOrDefault("content-length", List.of());
        if (!length.isEmpty()) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                out.writeBytes(in.readNBytes(size));
                line(in);
            }
            return out.toByteArray();
        }
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    private static int chunkSize(String line) {
        return Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    /** One CRLF-terminated line, without the CRLF; empty at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
