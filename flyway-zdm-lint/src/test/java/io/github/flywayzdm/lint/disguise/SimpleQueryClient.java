package io.github.flywayzdm.lint.disguise;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A minimal PostgreSQL wire-protocol client that sends a script as ONE simple-protocol Query message, so the server's
 * own lexer and grammar decide where its statements end (no JDBC driver parses it first). Each statement the server
 * ran is reported as its command tag and its rows. Trust, cleartext and MD5 authentication only.
 */
final class SimpleQueryClient implements AutoCloseable {

    /** One statement the server executed: its command tag, the rows it returned, or the error that stopped the script. */
    record Result(String tag, List<List<String>> rows, String error) {
    }

    static final class UnsupportedAuthentication extends IOException {
        UnsupportedAuthentication(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    SimpleQueryClient(String jdbcUrl, String user, String password) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        socket.setSoTimeout(60_000);
        // one TCP segment per message: unbuffered, each message's type, length and body went out as three small
        // writes, and Nagle's algorithm held the later ones for the server's delayed ACK (about 40 ms a query)
        socket.setTcpNoDelay(true);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        byte[] params = ("user\0" + user + "\0database\0" + database + "\0client_encoding\0UTF8\0\0").getBytes(StandardCharsets.UTF_8);
        out.writeInt(8 + params.length);
        out.writeInt(196608);
        out.write(params);
        out.flush();
        while (true) {
            char type = (char) in.readByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            if (type == 'R') {
                int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                if (code == 3) {
                    send('p', (password == null ? "" : password) + "\0");
                } else if (code == 5) {
                    byte[] salt = {body[4], body[5], body[6], body[7]};
                    String inner = md5Hex(((password == null ? "" : password) + user).getBytes(StandardCharsets.UTF_8));
                    byte[] outer = concat(inner.getBytes(StandardCharsets.UTF_8), salt);
                    send('p', "md5" + md5Hex(outer) + "\0");
                } else if (code != 0) {
                    close();
                    throw new UnsupportedAuthentication("authentication method " + code + " is not supported by this test client");
                }
            } else if (type == 'E') {
                close();
                throw new IOException("connection refused: " + fields(body));
            } else if (type == 'Z') {
                return;
            }
        }
    }

    /** Sends {@code script} as one Query message; the results of every statement the server ran, in order. */
    List<Result> query(String script) throws IOException {
        send('Q', script + "\0");
        List<Result> results = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            char type = (char) in.readByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            switch (type) {
                case 'D' -> rows.add(dataRow(body));
                case 'C' -> {
                    results.add(new Result(new String(body, 0, body.length - 1, StandardCharsets.UTF_8), rows, null));
                    rows = new ArrayList<>();
                }
                case 'E' -> results.add(new Result(null, rows, fields(body)));
                case 'Z' -> {
                    return results;
                }
                default -> {
                    // RowDescription, notices, EmptyQueryResponse, parameter changes
                }
            }
        }
    }

    private static List<String> dataRow(byte[] body) {
        List<String> values = new ArrayList<>();
        int columns = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        int at = 2;
        for (int c = 0; c < columns; c++) {
            int len = ((body[at] & 0xff) << 24) | ((body[at + 1] & 0xff) << 16) | ((body[at + 2] & 0xff) << 8) | (body[at + 3] & 0xff);
            at += 4;
            values.add(len < 0 ? null : new String(body, at, len, StandardCharsets.UTF_8));
            at += Math.max(0, len);
        }
        return values;
    }

    /** The SQLSTATE and message of an ErrorResponse. */
    private static String fields(byte[] body) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (at < body.length && body[at] != 0) {
            char field = (char) body[at++];
            int end = at;
            while (body[end] != 0) {
                end++;
            }
            if (field == 'C' || field == 'M') {
                b.append(b.length() == 0 ? "" : " ").append(new String(body, at, end - at, StandardCharsets.UTF_8));
            }
            at = end + 1;
        }
        return b.toString();
    }

    private void send(char type, String payload) throws IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        out.writeByte(type);
        out.writeInt(4 + bytes.length);
        out.write(bytes);
        out.flush();
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        } catch (IOException ignored) {
            // closing anyway
        }
        socket.close();
    }
}
