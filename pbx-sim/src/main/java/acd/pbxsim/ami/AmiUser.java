package acd.pbxsim.ami;

import java.util.Objects;

/**
 * A manager.conf user. The defaults for read and write are those of the shipped
 * config/asterisk/manager.conf, so the simulator filters events as the real PBX would.
 */
public record AmiUser(String username, String secret, String read, String write) {

    public static final String DEFAULT_READ = "system,call,agent,user,dtmf,reporting";
    public static final String DEFAULT_WRITE = "system,call,originate,command";

    public AmiUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
    }

    public AmiUser(String username, String secret) {
        this(username, secret, DEFAULT_READ, DEFAULT_WRITE);
    }

    public int readMask() {
        return Math.max(0, Privilege.mask(read));
    }

    public int writeMask() {
        return Math.max(0, Privilege.mask(write));
    }

    @Override
    public String toString() {
        return "AmiUser[" + username + ", read=" + read + ", write=" + write + "]";
    }
}
