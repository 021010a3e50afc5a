package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.dialplan.Dialplan;
import acd.pbxsim.pbx.Prompts;
import acd.pbxsim.world.CustomerSettings;
import acd.pbxsim.world.SeatSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated PBX is set up. Immutable; start from {@link #defaults()} and change what a
 * run needs. Durations are simulated milliseconds unless the name says wall.
 *
 * @param amiBindAddress     where the manager interface listens
 * @param amiPort            its port; 0 picks a free one ({@link PbxSimulator#amiPort()})
 * @param amiUsers           manager.conf users
 * @param agiHost            the ACD's FastAGI host: ${ACD_AGI} is agi://agiHost:agiPort
 * @param agiPort            its port
 * @param speed              how much faster than the wall clock the simulation runs (1 = real time)
 * @param seed               seeds caller and seat behaviour and the ids
 * @param startEpochMs       the simulated clock's start (Uniqueids count from it); null for now
 * @param dialplan           the contexts played
 * @param prompts            the sound files and their lengths
 * @param seats              the seat phones
 * @param trunk              the PJSIP endpoint inbound calls arrive on (PJSIP/carrier-00000001)
 * @param inboundContext     where callers land
 * @param seatContext        the seats' own context (their calls and feature codes)
 * @param authFailureWallMs  how long a refused login waits before the error (Asterisk: 1 s)
 * @param voicemailMessageMs how long a caller speaks into voicemail before hanging up
 * @param customers          how the customers called out to over the carrier behave
 */
public record PbxSettings(String amiBindAddress, int amiPort, List<AmiUser> amiUsers, String agiHost, int agiPort,
                          double speed, long seed, Long startEpochMs, Dialplan dialplan, Prompts prompts,
                          List<SeatSettings> seats, String trunk, String inboundContext, String seatContext,
                          long authFailureWallMs, long voicemailMessageMs, CustomerSettings customers) {

    public PbxSettings {
        Objects.requireNonNull(amiBindAddress, "amiBindAddress");
        amiUsers = List.copyOf(amiUsers);
        Objects.requireNonNull(agiHost, "agiHost");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(prompts, "prompts");
        seats = List.copyOf(seats);
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(inboundContext, "inboundContext");
        Objects.requireNonNull(seatContext, "seatContext");
        Objects.requireNonNull(customers, "customers");
    }

    /**
     * AMI on 127.0.0.1:5038 with the user of config/asterisk/manager.conf ({@code acd}), AGI to
     * 127.0.0.1:4573, real time, the built-in copy of config/asterisk/extensions.conf, no seats,
     * customers who all pick up ({@link CustomerSettings#defaults()}).
     */
    public static PbxSettings defaults() {
        return new PbxSettings("127.0.0.1", 5038, List.of(new AmiUser("acd", "change-me")), "127.0.0.1", 4573,
                1.0, 1L, null, Dialplan.builtIn(), Prompts.defaults(), List.of(), "carrier", "acd-inbound",
                "seats", 1000, 5000, CustomerSettings.defaults());
    }

    public PbxSettings withAmi(String bindAddress, int port) {
        return new PbxSettings(bindAddress, port, amiUsers, agiHost, agiPort, speed, seed, startEpochMs, dialplan,
                prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs, customers);
    }

    public PbxSettings withAmiUsers(List<AmiUser> users) {
        return new PbxSettings(amiBindAddress, amiPort, users, agiHost, agiPort, speed, seed, startEpochMs, dialplan,
                prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs, customers);
    }

    public PbxSettings withAmiUser(String username, String secret) {
        return withAmiUsers(List.of(new AmiUser(username, secret)));
    }

    public PbxSettings withAgi(String host, int port) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, host, port, speed, seed, startEpochMs, dialplan,
                prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs, customers);
    }

    public PbxSettings withSpeed(double factor) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, factor, seed, startEpochMs,
                dialplan, prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs,
                customers);
    }

    public PbxSettings withSeed(long newSeed) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, newSeed, startEpochMs,
                dialplan, prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs,
                customers);
    }

    public PbxSettings withStartEpochMs(long epochMs) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, epochMs, dialplan,
                prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs, customers);
    }

    public PbxSettings withDialplan(Dialplan plan) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs, plan,
                prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs, customers);
    }

    public PbxSettings withPrompts(Prompts files) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs,
                dialplan, files, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs,
                customers);
    }

    public PbxSettings withSeats(List<SeatSettings> phones) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs,
                dialplan, prompts, phones, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs,
                customers);
    }

    public PbxSettings withSeat(SeatSettings phone) {
        List<SeatSettings> all = new ArrayList<>(seats);
        all.add(phone);
        return withSeats(all);
    }

    /** Seats PJSIP/first .. PJSIP/last with default behaviour. */
    public PbxSettings withSeatRange(int first, int last) {
        List<SeatSettings> all = new ArrayList<>(seats);
        for (int n = first; n <= last; n++) {
            all.add(SeatSettings.of("PJSIP/" + n));
        }
        return withSeats(all);
    }

    public PbxSettings withAuthFailureWallMs(long ms) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs,
                dialplan, prompts, seats, trunk, inboundContext, seatContext, ms, voicemailMessageMs, customers);
    }

    public PbxSettings withVoicemailMessageMs(long ms) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs,
                dialplan, prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, ms, customers);
    }

    /** How customers reached over the carrier trunk behave: who picks up, after how long, for how long. */
    public PbxSettings withCustomers(CustomerSettings behaviour) {
        return new PbxSettings(amiBindAddress, amiPort, amiUsers, agiHost, agiPort, speed, seed, startEpochMs,
                dialplan, prompts, seats, trunk, inboundContext, seatContext, authFailureWallMs, voicemailMessageMs,
                behaviour);
    }

    @Override
    public String toString() {
        return "PbxSettings[ami=" + amiBindAddress + ":" + amiPort + ", users=" + amiUsers + ", agi=" + agiHost + ":"
                + agiPort + ", speed=" + speed + ", seed=" + seed + ", seats=" + seats.size() + "]";
    }
}
