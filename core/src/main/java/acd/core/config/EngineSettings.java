package acd.core.config;

import acd.core.ring.RingWaitStrategy;

import java.util.List;

/**
 * How the engine thread runs: the ring it reads from and how it waits when idle.
 *
 * @param ringSize     slots in the inbound ring, a power of two; publishers block when it is full
 * @param waitStrategy how the engine thread waits; {@code blocking} suits a small machine shared
 *                     with I/O threads, spinning strategies need a core of their own
 */
public record EngineSettings(int ringSize, RingWaitStrategy waitStrategy) {
    public static final EngineSettings DEFAULTS = new EngineSettings(65_536, RingWaitStrategy.BLOCKING);
    private static final List<String> KEYS = List.of("ringSize", "waitStrategy");

    /**
     * Reads the {@code engine:} section of a server settings file; other sections belong to the
     * adapters and are left to them.
     */
    public static EngineSettings parse(String source, String text) {
        ConfigProblems problems = new ConfigProblems();
        EngineSettings settings = read(ConfigFields.of(ConfigNode.parse(source, text), "", problems));
        problems.throwIfAny();
        return settings;
    }

    /**
     * Reads the {@code engine:} section of an already parsed settings file, reporting into the
     * file's own problem list so every section's mistakes come out together.
     */
    public static EngineSettings read(ConfigFields top) {
        ConfigFields engine = top.has("engine") ? top.fields("engine", "engine") : null;
        if (engine == null) {
            return DEFAULTS;
        }
        engine.allowOnly(KEYS);
        int ringSize = engine.integer("ringSize", DEFAULTS.ringSize(), 64, 1 << 24);
        if (Integer.bitCount(ringSize) != 1) {
            engine.report(engine.value("ringSize"), "ringSize must be a power of two, found " + ringSize);
        }
        RingWaitStrategy wait = engine.choice("waitStrategy", RingWaitStrategy.class, DEFAULTS.waitStrategy());
        return new EngineSettings(ringSize, wait);
    }
}
