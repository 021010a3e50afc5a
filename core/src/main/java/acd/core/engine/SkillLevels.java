package acd.core.engine;

/**
 * Every agent's proficiency per skill, 1 (best) .. 10, 0 where the agent lacks the skill. Kept
 * apart from {@link Agent}: it is read only when an agent joins a pool or its skills change,
 * and an array the agent pointed at would be laid out beside it, in the cache lines the fields
 * every call touches are read in. On a large floor that cold neighbour costs cache room.
 */
final class SkillLevels {
    private static final int SKILLS = 64;

    private final byte[] levels;

    SkillLevels(int agents) {
        this.levels = new byte[agents * SKILLS];
    }

    /** Sets the agent's levels from one per skill index. */
    void set(int agent, byte[] levelBySkill) {
        System.arraycopy(levelBySkill, 0, levels, agent * SKILLS, SKILLS);
    }

    /** The level of the agent's weakest skill among those in the mask. */
    int weakest(int agent, long mask) {
        int worst = 1;
        long m = mask;
        while (m != 0) {
            int skill = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            worst = Math.max(worst, levels[agent * SKILLS + skill]);
        }
        return worst;
    }
}
