package acd.cti.ami;

import acd.core.model.AgentSpec;
import acd.core.model.RoutingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Asterisk must allow and know for the ACD to route, checked at every AMI login: that the
 * AMI user may send the actions the server sends (naming the permission class it lacks) and
 * that every PJSIP seat of agents.yaml, and every team lead's phone, is an endpoint Asterisk has.
 * A problem is logged as an error and kept for {@code /api/health}; routing carries on for
 * everything else.
 */
public final class AsteriskReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskReadiness.class);

    /** The actions the server sends, with the manager.conf write class each needs. */
    static final Map<String, String> NEEDED_ACTIONS = new LinkedHashMap<>();

    static {
        NEEDED_ACTIONS.put("Redirect", "call");
        NEEDED_ACTIONS.put("Setvar", "call");
        NEEDED_ACTIONS.put("Originate", "originate");
        NEEDED_ACTIONS.put("Bridge", "call");
        NEEDED_ACTIONS.put("MixMonitor", "system");
        NEEDED_ACTIONS.put("CoreShowChannels", "system");
        NEEDED_ACTIONS.put("PJSIPShowEndpoints", "system");
    }

    private final RoutingConfig routing;
    private final Map<String, String> leadPhones;
    private volatile List<String> problems = List.of();

    public AsteriskReadiness(RoutingConfig routing) {
        this(routing, Map.of());
    }

    /** @param leadPhones each team lead's own phone for listening in, by supervisor id */
    public AsteriskReadiness(RoutingConfig routing, Map<String, String> leadPhones) {
        this.routing = routing;
        this.leadPhones = new java.util.TreeMap<>(leadPhones);
    }

    private static boolean unknown(String endpoint, Set<String> known) {
        return endpoint.regionMatches(true, 0, "PJSIP/", 0, 6)
                && !known.contains(endpoint.substring(6).toLowerCase(Locale.ROOT));
    }

    /** Asks Asterisk and returns what is wrong; blocks on AMI, so never call it from the engine. */
    public List<String> check(AmiClient ami, String user) {
        List<String> found = new ArrayList<>();
        try {
            Set<String> permitted = ami.permittedActions();
            for (Map.Entry<String, String> needed : NEEDED_ACTIONS.entrySet()) {
                if (!permitted.contains(needed.getKey().toLowerCase(Locale.ROOT))) {
                    found.add("the AMI user '" + user + "' may not send " + needed.getKey() + ": give it the write "
                            + "permission class '" + needed.getValue() + "' in manager.conf");
                }
            }
            if (permitted.contains("pjsipshowendpoints")) {
                Set<String> endpoints = ami.pjsipEndpoints();
                if (endpoints.isEmpty()) {
                    // No list at all is a lost answer (the connection dropped), not an empty pjsip.conf.
                    throw new IllegalStateException("PJSIPShowEndpoints listed nothing");
                }
                for (AgentSpec agent : routing.agents()) {
                    if (unknown(agent.endpoint(), endpoints)) {
                        found.add("agent " + agent.id() + "'s endpoint " + agent.endpoint() + " is not a PJSIP endpoint "
                                + "Asterisk knows (pjsip.conf): calls offered to it cannot ring");
                    }
                }
                for (Map.Entry<String, String> lead : leadPhones.entrySet()) {
                    if (unknown(lead.getValue(), endpoints)) {
                        found.add("supervisor " + lead.getKey() + "'s phone " + lead.getValue() + " is not a PJSIP "
                                + "endpoint Asterisk knows (pjsip.conf): listening in cannot ring it");
                    }
                }
            }
        } catch (Exception e) {
            if (!ami.isConnected()) {
                // The connection went while asking: the next login asks again.
                return problems;
            }
            found.add("could not ask Asterisk what it allows and knows: " + e);
        }
        if (!ami.isConnected()) {
            return problems;
        }
        for (String problem : found) {
            LOG.error("Asterisk is not ready for the ACD: {}", problem);
        }
        problems = List.copyOf(found);
        return problems;
    }

    /** What the last check found; empty when all was well. */
    public List<String> problems() {
        return problems;
    }
}
