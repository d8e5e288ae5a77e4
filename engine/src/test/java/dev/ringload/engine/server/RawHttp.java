package dev.ringload.engine.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A blocking test client that reads whole responses (by Content-Length) off a raw socket. */
final class RawHttp implements AutoCloseable {

    record Response(int status, String head, String body) {
        boolean closes() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n");
        }
    }

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(address, 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response read() throws IOException {
        return read(false);
    }

    /** The response to a HEAD request: its head only, whatever Content-Length says (RFC 9110 section 9.3.2). */
    Response readToHead() throws IOException {
        return read(true);
    }

    private Response read(boolean toHead) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = toHead ? new byte[0] : in.readNBytes(length);
        int status = Integer.parseInt(headText.substring(9, 12));
        return new Response(status, headText, new String(body, StandardCharsets.ISO_8859_1));
    }

    List<Response> read(int count) throws IOException {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(read());
        }
        return responses;
    }

    /** True if the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset counts as closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
