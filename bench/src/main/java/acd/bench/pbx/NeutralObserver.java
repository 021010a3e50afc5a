package acd.bench.pbx;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewStateEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to the callers and seats, as a third party sees it on Asterisk's own AMI stream:
 * neither app_queue's statistics nor the ACD's. A caller's wait runs from the moment Asterisk
 * answers the trunk channel until it enters a bridge (a seat took it) or hangs up. A caller is in
 * line once their hold music has started (both routers play it), until they are bridged or gone,
 * and not while a seat rings for them. A seat is free when its channel of a conversation hangs
 * up; the dispatch gap is the time from there to the next Dial ringing that seat, counted only
 * when a caller was in line as it freed. Times are this process's clock on receipt: the two runs
 * are measured the same way, on the same host.
 */
final class NeutralObserver implements AutoCloseable {
    /** One caller's life: answered, then bridged or gone. Times in ms of the observer's clock; -1: never. */
    static final class Caller {
        long answeredMs = -1;
        long bridgedMs = -1;
        long goneMs = -1;
        boolean heardMusic;
        boolean ringing;

        boolean inLine() {
            return heardMusic && !ringing && bridgedMs < 0 && goneMs < 0;
        }
    }

    private final String trunkPrefix;
    private final String seatPrefix;
    private final ManagerConnection connection;
    private final long startNanos = System.nanoTime();
    private final Map<String, Caller> callers = new HashMap<>();
    /** A seat's channels that entered a bridge: their hang-up frees the seat. */
    private final Set<String> talkingSeatChannels = new HashSet<>();
    /** When each seat last freed with a caller waiting, until its next ring. */
    private final Map<String, Long> freedWithCallersWaiting = new HashMap<>();
    private final List<Long> gapsMs = new ArrayList<>();

    /**
     * @param trunkPrefix the callers' channel names start so (PJSIP/hotline-trunk-)
     * @param seatPrefix  the seats' (PJSIP/)
     */
    NeutralObserver(String host, int port, String user, String secret, String trunkPrefix, String seatPrefix)
            throws Exception {
        this.trunkPrefix = trunkPrefix;
        this.seatPrefix = seatPrefix;
        this.connection = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        connection.addEventListener(this::onEvent);
        connection.login();
    }

    private long nowMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private synchronized void onEvent(ManagerEvent event) {
        long now = nowMs();
        if (event instanceof NewStateEvent e && isCaller(e.getChannel()) && "Up".equals(e.getChannelStateDesc())) {
            callers.computeIfAbsent(e.getUniqueId(), id -> new Caller()).answeredMs = now;
        } else if (event instanceof BridgeEnterEvent e) {
            if (isCaller(e.getChannel())) {
                Caller c = callers.get(e.getUniqueId());
                if (c != null && c.bridgedMs < 0) {
                    c.bridgedMs = now;
                }
            } else if (isSeat(e.getChannel())) {
                talkingSeatChannels.add(e.getChannel());
            }
        } else if (event instanceof MusicOnHoldStartEvent e && isCaller(e.getChannel())) {
            Caller c = callers.get(e.getUniqueId());
            if (c != null) {
                c.heardMusic = true;
            }
        } else if (event instanceof DialBeginEvent e && isSeat(e.getDestChannel())) {
            Caller c = callers.get(e.getUniqueId());
            if (c != null) {
                c.ringing = true;
            }
            Long freed = freedWithCallersWaiting.remove(seatOf(e.getDestChannel()));
            if (freed != null) {
                gapsMs.add(now - freed);
            }
        } else if (event instanceof DialEndEvent e && isSeat(e.getDestChannel())) {
            Caller c = callers.get(e.getUniqueId());
            if (c != null) {
                c.ringing = false;
            }
        } else if (event instanceof HangupEvent e) {
            if (isCaller(e.getChannel())) {
                Caller c = callers.get(e.getUniqueId());
                if (c != null) {
                    c.goneMs = now;
                }
            } else if (isSeat(e.getChannel()) && talkingSeatChannels.remove(e.getChannel())) {
                boolean someoneWaits = callers.values().stream().anyMatch(Caller::inLine);
                if (someoneWaits) {
                    freedWithCallersWaiting.put(seatOf(e.getChannel()), now);
                } else {
                    freedWithCallersWaiting.remove(seatOf(e.getChannel()));
                }
            }
        }
    }

    private boolean isCaller(String channel) {
        return channel != null && channel.startsWith(trunkPrefix);
    }

    private boolean isSeat(String channel) {
        return channel != null && channel.startsWith(seatPrefix) && !channel.startsWith(trunkPrefix);
    }

    /** PJSIP/2001-0000000a is seat PJSIP/2001. */
    private static String seatOf(String channel) {
        int dash = channel.lastIndexOf('-');
        return dash > 0 ? channel.substring(0, dash) : channel;
    }

    /** The callers seen so far, and forgets them: the next run starts clean. */
    synchronized List<Caller> takeCallers() {
        List<Caller> out = new ArrayList<>(callers.values());
        callers.clear();
        return out;
    }

    /** The dispatch gaps seen so far, in ms, and forgets them. */
    synchronized List<Long> takeGaps() {
        List<Long> out = new ArrayList<>(gapsMs);
        gapsMs.clear();
        freedWithCallersWaiting.clear();
        talkingSeatChannels.clear();
        return out;
    }

    @Override
    public void close() {
        connection.logoff();
    }
}
