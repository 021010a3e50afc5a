package acd.pbxsim.pbx;

/** The dialplan interpreter, as the PBX core needs it: run a channel from where it stands. */
public interface Program {

    void run(Channel channel);
}
