package acd.cti.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain blocking socket playing Asterisk's side of FastAGI, as a test scripts it. */
final class FakeAsterisk implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 5_000;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private FakeAsterisk(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    static FakeAsterisk connect(InetSocketAddress server) {
        try {
            return new FakeAsterisk(new Socket(server.getAddress(), server.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects from a chosen local address, e.g. another loopback address. */
    static FakeAsterisk connectFrom(String localAddress, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(server, READ_TIMEOUT_MS);
        return new FakeAsterisk(socket);
    }

    FakeAsterisk send(String frames) {
        return send(frames.getBytes(StandardCharsets.UTF_8));
    }

    FakeAsterisk send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next command line from the script, or null once the server has closed its side. */
    String nextCommand() {
        try {
            return in.readLine();
        } catch (SocketException reset) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed its side without sending anything more. */
    boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the connection stays open, silent, for the given time. */
    boolean staysOpenFor(int millis) {
        try {
            socket.setSoTimeout(millis);
            try {
                return in.read() != -1;
            } catch (SocketTimeoutException stillOpen) {
                return true;
            } finally {
                socket.setSoTimeout(READ_TIMEOUT_MS);
            }
        } catch (SocketException reset) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the connection without a goodbye, as a crashed PBX or a cut cable would. */
    void vanish() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket twice is harmless
        }
    }
}
