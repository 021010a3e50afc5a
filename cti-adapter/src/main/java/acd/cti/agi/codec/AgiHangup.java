package acd.cti.agi.codec;

/**
 * The {@code HANGUP} line Asterisk sends unasked when the channel hangs up, and once more after
 * the script has closed its side. It is not the reply to the {@code HANGUP} command: that one is
 * an ordinary {@code 200 result=1}.
 */
public final class AgiHangup implements AgiMessage {

    public static final AgiHangup INSTANCE = new AgiHangup();

    /** The line as it appears on the wire, without the line end. */
    public static final String LINE = "HANGUP";

    private AgiHangup() {
    }

    @Override
    public String toString() {
        return LINE;
    }
}
