package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Bridge;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;

import java.util.List;

/**
 * Two channels AMI Bridge put together, as features.c's action_bridge does: each is taken from
 * where it is (out of its bridge, or out of its application) into a new basic bridge. When one
 * leaves (hangs up, is redirected or taken away again) the bridge breaks up, and the other goes
 * on in the dialplan at the priority after the one it was taken at (ast_bridge_set_after_go_on);
 * one with no such priority, a Dial's called channel, is hung up.
 */
public final class ManagerBridge {

    private final Interpreter in;
    private final Pbx pbx;
    private final Member first;
    private final Member second;
    private Bridge bridge;

    private ManagerBridge(Interpreter in, Channel a, Channel b) {
        this.in = in;
        this.pbx = in.pbx();
        this.first = new Member(a, goOnAt(a));
        this.second = new Member(b, goOnAt(b));
    }

    /**
     * Bridges two different channels that are up to be taken (not hanging up): BridgeCreate, then
     * each in turn leaves what it did and enters.
     */
    public static void join(Interpreter in, Channel first, Channel second) {
        new ManagerBridge(in, first, second).join();
    }

    /**
     * action_bridge takes the channel's priority (one more for a channel not running the
     * dialplan itself), and the after-bridge goto goes on one further still.
     */
    private static Location goOnAt(Channel ch) {
        Location at = ch.location();
        int takenAt = ch.runsDialplan() ? at.priority() : at.priority() + 1;
        return at.at(takenAt + 1);
    }

    private void join() {
        bridge = pbx.newBridge();
        for (Member m : List.of(first, second)) {
            pbx.take(m.channel);
            // ast_bridge_add_channel answers a channel it yanks that is not up yet
            pbx.newState(m.channel, ChannelState.UP);
            m.channel.activity(m);
            pbx.enterBridge(bridge, m.channel);
        }
        first.channel.party().onConnected(first.channel, second.channel);
        second.channel.party().onConnected(second.channel, first.channel);
    }

    private Member other(Member m) {
        return m == first ? second : first;
    }

    /** One channel's place in the bridge: its activity while there. */
    private final class Member implements Activity {
        private final Channel channel;
        private final Location goOnAt;

        Member(Channel channel, Location goOnAt) {
            this.channel = channel;
            this.goOnAt = goOnAt;
        }

        private boolean inBridge() {
            return bridge != null && channel.bridge() == bridge && channel.activity() == this;
        }

        @Override
        public boolean interrupt(Channel ch, Interruption why) {
            if (bridge != null && ch.bridge() == bridge) {
                pbx.leaveBridge(ch);
            }
            Member peer = other(this);
            if (why == Interruption.TAKEN) {
                // the peer is left behind once this channel is in its new bridge
                pbx.later(peer::leftBehind);
            } else if (peer.inBridge() && peer.channel.inDualRedirect()) {
                pbx.leaveBridge(peer.channel);
                destroyBridge();
                // its own redirect, next, moves it on
                peer.channel.activity(null);
            } else {
                peer.leftBehind();
            }
            return true;
        }

        /** The other channel has gone: this one leaves the bridge, which is over, and goes on. */
        void leftBehind() {
            boolean ours = inBridge();
            if (ours) {
                pbx.leaveBridge(channel);
            }
            destroyBridge();
            if (!ours) {
                return;
            }
            channel.activity(null);
            pbx.later(this::goOn);
        }

        private void goOn() {
            if (channel.gone() || channel.hangupRequested() || channel.activity() != null) {
                // hung up, redirected or taken meanwhile: that decides
                return;
            }
            if (in.dialplan().step(goOnAt) == null) {
                pbx.hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            } else {
                in.resumeAt(channel, goOnAt);
            }
        }
    }

    private void destroyBridge() {
        if (bridge != null) {
            pbx.destroyBridge(bridge);
            bridge = null;
        }
    }
}
