package acd.ivr.qa;

import java.time.LocalDate;

/**
 * Quality review counted by the store: the latest drawn day's sample and the open redos.
 *
 * @param day       the latest day whose sample was drawn, or null before any was
 * @param sampled   calls drawn that day
 * @param scored    of them, scored so far
 * @param openRedos redos no team lead has closed, of any day
 */
public record QaCounts(LocalDate day, long sampled, long scored, long openRedos) {
}
