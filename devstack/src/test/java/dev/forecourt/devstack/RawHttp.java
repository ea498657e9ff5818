package dev.forecourt.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 spoken by hand over a socket, for what {@code java.net.http} will not do: send from
 * another loopback address (127.0.0.2 is another client to the gateway's per-address throttle and
 * to hr's login throttle), stream a chunked body while reading the early answer to it, send a raw
 * request target ({@code [ ]}, {@code ..}) or an oversized header. One request per connection.
 */
final class RawHttp {

    /** An answer: status, headers (lower-case names), body, how long until the status line arrived, and the bytes of body sent by then. */
    record Answer(int status, Map<String, String> headers, String body, Duration untilStatus, long bodyBytesSentBeforeAnswer) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final String from;

    private RawHttp(String from) {
        this.from = from;
    }

    /** Requests from 127.0.0.1. */
    static RawHttp client() {
        return new RawHttp("127.0.0.1");
    }

    /** Requests from another loopback address, e.g. {@code 127.0.0.2}: another client address to the server. */
    static RawHttp from(String loopbackAddress) {
        return new RawHttp(loopbackAddress);
    }

    /** A request with a body of known length (or none); {@code target} is sent exactly as given. */
    Answer send(String baseUrl, String method, String target, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = requestHead(baseUrl, method, target, headers);
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = connect(baseUrl)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (bytes != null) {
                out.write(bytes);
            }
            out.flush();
            long sent = System.nanoTime();
            return read(socket.getInputStream(), sent, new AtomicLong(bytes == null ? 0 : bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A body of {@code totalBytes} sent with {@code Transfer-Encoding: chunked} in 64 KiB chunks
     * from a second thread, while this one waits for the answer: a server that refuses the body
     * early answers before it is all sent (and may close the connection, ending the upload).
     */
    Answer sendChunked(String baseUrl, String method, String target, Map<String, String> headers, long totalBytes) {
        StringBuilder head = requestHead(baseUrl, method, target, headers).append("Transfer-Encoding: chunked\r\n\r\n");
        try (Socket socket = connect(baseUrl)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sentBytes = new AtomicLong();
            long started = System.nanoTime();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                // a JSON string that never ends: {"a":"aaaa…  (the server must not wait for the rest to refuse it)
                java.util.Arrays.fill(chunk, (byte) 'a');
                chunk[0] = '{';
                chunk[1] = '"';
                chunk[2] = 'a';
                chunk[3] = '"';
                chunk[4] = ':';
                chunk[5] = '"';
                try {
                    boolean first = true;
                    while (sentBytes.get() < totalBytes) {
                        int n = (int) Math.min(chunk.length, totalBytes - sentBytes.get());
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sentBytes.addAndGet(n);
                        if (first) {
                            java.util.Arrays.fill(chunk, 0, 6, (byte) 'a');
                            first = false;
                        }
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server refused the body and closed the connection: that is the point
                }
            }, "chunked-upload");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream(), started, sentBytes);
            socket.close();
            writer.join(10_000);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private StringBuilder requestHead(String baseUrl, String method, String target, Map<String, String> headers) {
        URI uri = URI.create(baseUrl);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head;
    }

    private Socket connect(String baseUrl) throws IOException {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static Answer read(InputStream in, long startedNanos, AtomicLong sentBytes) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        long statusAt = 0;
        long sentAtStatus = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the answer's head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            if (statusAt == 0) {
                statusAt = System.nanoTime();
                sentAtStatus = sentBytes.get();
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (headers.containsKey("content-length")) {
                long length = Long.parseLong(headers.get("content-length"));
                for (long i = 0; i < length; i++) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    body.write(b);
                }
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                readChunked(in, body);
            } else {
                in.transferTo(body);
            }
        } catch (SocketTimeoutException | java.net.SocketException cut) {
            // what arrived is what there is
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), Duration.ofNanos(statusAt - startedNanos), sentAtStatus);
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return;
            }
            for (int i = 0; i < size; i++) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                body.write(b);
            }
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }
}
