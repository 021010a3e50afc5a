package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Location;

/**
 * Dial's F option: "when the caller hangs up, transfer the called party to the specified
 * destination and start execution at that location". {@code F(context^exten^priority)} names the
 * place ({@code ^} standing for the commas the option's parentheses cannot hold; a shorter one is
 * taken from the Dial's own place); a bare {@code F} goes on at the priority after the Dial.
 */
record CalleeGoOn(String destination) {

    /**
     * Where the called channel starts, worked out from the Dial's place as app_dial's after-bridge
     * goto does; null when that is nowhere in the dialplan, and the called channel is hung up.
     */
    Location resolve(Interpreter in, Location dialAt) {
        if (destination.isBlank()) {
            Location next = dialAt.next();
            return in.dialplan().step(next) == null ? null : next;
        }
        return in.resolve(dialAt, destination.replace('^', ','));
    }
}
