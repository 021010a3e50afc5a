package acd.pbxsim.ami;

import java.nio.charset.StandardCharsets;

/** The bytes of AMI as Asterisk 20 puts them on the wire: CRLF lines, a blank line after each block. */
public final class AmiWire {

    public static final String CRLF = "\r\n";
    /** Sent once, as soon as a client connects. */
    public static final String BANNER = "Asterisk Call Manager/9.0.0" + CRLF;
    /** Asterisk's manager input buffer holds 1024 bytes a line; longer lines are dropped. */
    public static final int MAX_LINE_LENGTH = 1024;
    /** AST_MAX_MANHEADERS: headers beyond this many in one action are ignored. */
    public static final int MAX_HEADERS = 128;

    private AmiWire() {
    }

    public static String text(AmiMessage message) {
        StringBuilder sb = new StringBuilder(64 + message.headers().size() * 32);
        for (AmiMessage.Header h : message.headers()) {
            sb.append(h.name()).append(": ").append(h.value()).append(CRLF);
        }
        return sb.append(CRLF).toString();
    }

    public static byte[] bytes(AmiMessage message) {
        return text(message).getBytes(StandardCharsets.UTF_8);
    }
}
