package acd.cti.flow;

/**
 * The PBX side of one consultative transfer: the agent's channel ringing or talking with a
 * colleague's while the caller waits on music. Connection state only; whether the caller is
 * handed over is the engine's to decide. Fields change on the AMI and engine threads.
 */
final class Consultation {
    final int agent;
    final int colleague;
    /** The agent's own channel, which rings the colleague from acd-consult. */
    final String agentUniqueId;
    final String agentChannel;
    /** The colleague's channel, once Asterisk has made it; null before, and once it is gone. */
    volatile String colleagueUniqueId;
    volatile String colleagueChannel;
    volatile boolean answered;
    /** The agent's Dial to the colleague has returned: the agent waits to be joined back to the caller. */
    volatile boolean agentWaiting;
    /** The agent's channel is gone: the agent hung up. */
    volatile boolean agentGone;
    /** The engine has ended the consultation, back to the agent; the flow carries it out. */
    volatile boolean ending;

    Consultation(int agent, int colleague, String agentUniqueId, String agentChannel) {
        this.agent = agent;
        this.colleague = colleague;
        this.agentUniqueId = agentUniqueId;
        this.agentChannel = agentChannel;
    }
}
