package dev.forecourt.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Requests written byte for byte on a socket, for what an HTTP client library would not send
 * (unencoded characters, NUL, oversized lines, a streamed body): the answer's head and body as text.
 */
final class RawHttp {

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private RawHttp() {
    }

    /** A request of only a head: {@code request} is the request line and headers without the final blank line. */
    static String send(int port, String request) throws Exception {
        return exchange(port, out -> {
            out.write((request + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });
    }

    /** A request of only a head, sent over a connection from the loopback address {@code from} (e.g. 127.0.0.3). */
    static String sendFrom(String from, int port, String request) throws Exception {
        try (Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write((request + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        }
    }

    /** Writes the request on one thread while reading the answer on this one. */
    static String exchange(int port, Writer writer) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    writer.write(socket.getOutputStream());
                } catch (IOException e) {
                    // the gateway may close the connection once it answered: the answer is what counts
                }
            });
            String answer = readAnswer(socket.getInputStream());
            sending.cancel(true);
            return answer;
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? "" : answer.substring(end + 4);
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0 && text.length() - end - 4 >= contentLength(text.substring(0, end))) {
                return text;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
