package acd.cti.qa;

import acd.ivr.qa.QaReviews;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.SampledCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Draws each day's quality sample once the day is over in the hotline's time zone, so every
 * call of the day can be drawn. Run it now and then (the server does every few minutes): each
 * run draws the days of the last week not drawn yet, so a server that was down at midnight
 * draws the day when it is back.
 */
public final class QaDays implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QaDays.class);
    /** How far back a day not drawn yet is drawn. */
    public static final int CATCH_UP_DAYS = 7;

    private final QaReviews reviews;
    private final QaRules rules;
    private final Supplier<ZoneId> zone;
    private final LongSupplier clockMs;

    /** @param zone the hotline's time zone now (it follows the hours file) */
    public QaDays(QaReviews reviews, QaRules rules, Supplier<ZoneId> zone, LongSupplier clockMs) {
        this.reviews = reviews;
        this.rules = rules;
        this.zone = zone;
        this.clockMs = clockMs;
    }

    @Override
    public void run() {
        try {
            drawDaysBefore(clockMs.getAsLong());
        } catch (RuntimeException e) {
            LOG.warn("quality sample not drawn now; trying again later: {}", e.getMessage());
        }
    }

    /** Draws each day of the week before {@code nowMs}'s day that has no sample yet. */
    void drawDaysBefore(long nowMs) {
        ZoneId hotline = zone.get();
        LocalDate today = Instant.ofEpochMilli(nowMs).atZone(hotline).toLocalDate();
        for (LocalDate day = today.minusDays(CATCH_UP_DAYS); day.isBefore(today); day = day.plusDays(1)) {
            if (reviews.drawn(day)) {
                continue;
            }
            long fromMs = day.atStartOfDay(hotline).toInstant().toEpochMilli();
            long toMs = day.plusDays(1).atStartOfDay(hotline).toInstant().toEpochMilli();
            List<SampledCall> sample = reviews.draw(day, fromMs, toMs, rules, nowMs);
            if (sample.isEmpty()) {
                // a day nobody answered a call, such as each day before a new server's first
                LOG.debug("quality sample of {}: no call answered that day", day);
            } else {
                LOG.info("quality sample of {}: {} calls drawn ({}% of each agent's, seed {})", day, sample.size(),
                        rules.samplePercent(), rules.seed());
            }
        }
    }
}
