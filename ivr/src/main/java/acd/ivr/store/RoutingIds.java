package acd.ivr.store;

import acd.core.model.AgentSpec;
import acd.core.model.BrandSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The tier, brand and agent ids the routing configuration defines. A customer file may name
 * only these, or the engine would be handed a caller it cannot route. Order is kept so error
 * messages list ids as the configuration does.
 */
public record RoutingIds(Set<String> tiers, Set<String> brands, Set<String> agents) {

    public RoutingIds {
        tiers = ordered(tiers);
        brands = ordered(brands);
        agents = ordered(agents);
    }

    public static RoutingIds of(RoutingConfig config) {
        return new RoutingIds(ids(config.tiers(), TierSpec::id), ids(config.brands(), BrandSpec::id),
                ids(config.agents(), AgentSpec::id));
    }

    private static <T> Set<String> ids(Collection<T> specs, Function<T, String> id) {
        Set<String> out = new LinkedHashSet<>();
        for (T spec : specs) {
            out.add(id.apply(spec));
        }
        return out;
    }

    private static Set<String> ordered(Collection<String> ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }
}
