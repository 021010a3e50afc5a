package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gosub call stack of every channel in a subroutine, as app_stack keeps it: each call's
 * return address and the variables its arguments (ARG1..., ARGC) covered, which Return uncovers.
 * A subroutine an application runs a channel through (Dial's U option) returns to no place in
 * the dialplan: it hands the channel back to that application.
 */
final class Subroutines {

    /**
     * One call.
     *
     * @param returnTo  where the channel goes on after Return: the priority after the Gosub, or
     *                  for a handed-over channel the place it had before, which Return restores
     * @param covered   each variable the call set and the value it hid (null: it was unset)
     * @param arguments how many ARGn the call set; a nested call masks as many
     * @param handBack  for a subroutine an application runs the channel through, what gives the
     *                  channel back to it; null for a Gosub in the dialplan
     */
    record Frame(Location returnTo, Map<String, String> covered, int arguments, Runnable handBack) {
    }

    private final Pbx pbx;
    private final Map<Channel, Deque<Frame>> stacks = new IdentityHashMap<>();

    Subroutines(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Calls the subroutine at {@code start}: pushes the call, sets ARG1... and ARGC, and moves the
     * channel there. Arguments of the call before that this one does not pass read as "", so a
     * nested subroutine never sees its caller's.
     */
    void enter(Channel ch, Location start, List<String> args, Location returnTo, Runnable handBack) {
        Deque<Frame> stack = stacks.computeIfAbsent(ch, c -> new ArrayDeque<>());
        int count = Math.max(args.size(), stack.isEmpty() ? 0 : stack.peek().arguments());
        Map<String, String> covered = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            cover(ch, covered, "ARG" + i, i <= args.size() ? args.get(i - 1) : "");
        }
        cover(ch, covered, "ARGC", Integer.toString(args.size()));
        stack.push(new Frame(returnTo, covered, count, handBack));
        ch.location(start);
    }

    private void cover(Channel ch, Map<String, String> covered, String name, String value) {
        covered.put(name, ch.variable(name));
        pbx.setLocalVariable(ch, name, value);
    }

    /** Return: takes the innermost call off, its variables uncovered; null when there is none. */
    Frame leave(Channel ch) {
        Deque<Frame> stack = stacks.get(ch);
        if (stack == null || stack.isEmpty()) {
            return null;
        }
        Frame call = stack.pop();
        if (stack.isEmpty()) {
            stacks.remove(ch);
        }
        call.covered().forEach((name, hidden) -> pbx.restoreVariable(ch, name, hidden));
        return call;
    }

    /** Whether an application is waiting to get the channel back from a subroutine. */
    boolean handedOver(Channel ch) {
        Deque<Frame> stack = stacks.get(ch);
        return stack != null && stack.stream().anyMatch(f -> f.handBack() != null);
    }

    /**
     * The subroutine a channel was handed over to ended without Return (a hang-up, the end of its
     * extension): every call down to it is taken off, as app_stack's balance_stack does, and its
     * frame returned. Null when the channel was handed over to none.
     */
    Frame unwind(Channel ch) {
        if (!handedOver(ch)) {
            return null;
        }
        Frame call;
        do {
            call = leave(ch);
        } while (call.handBack() == null);
        return call;
    }

    /** The channel is gone, and its stack with it. */
    void forget(Channel ch) {
        stacks.remove(ch);
    }
}
