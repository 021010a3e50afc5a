package acd.ivr.qa;

/**
 * How quality review samples and judges calls.
 *
 * @param samplePercent the share of each agent's answered calls drawn each day, 1..100; an agent
 *                      with any answered call has at least one drawn
 * @param seed          the draw's seed: the same seed, day and calls draw the same sample
 * @param redoBelow     a score below this (0..100) means the call is redone, flagged to the team lead
 */
public record QaRules(int samplePercent, long seed, int redoBelow) {
    public static final int DEFAULT_SAMPLE_PERCENT = 10;
    public static final long DEFAULT_SEED = 20_260_101L;
    public static final int DEFAULT_REDO_BELOW = 80;
    public static final QaRules DEFAULTS = new QaRules(DEFAULT_SAMPLE_PERCENT, DEFAULT_SEED, DEFAULT_REDO_BELOW);

    public QaRules {
        if (samplePercent < 1 || samplePercent > 100) {
            throw new IllegalArgumentException("samplePercent must be 1..100, was " + samplePercent);
        }
        if (redoBelow < 0 || redoBelow > 100) {
            throw new IllegalArgumentException("redoBelow must be 0..100, was " + redoBelow);
        }
    }

    /** Whether {@code score} sends the call back to be redone. */
    public boolean isRedo(int score) {
        return score < redoBelow;
    }
}
