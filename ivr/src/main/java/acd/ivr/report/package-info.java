/**
 * The figures that outlive a restart: the stored 15-minute intervals and what the daily, weekly
 * and monthly reports read beside them.
 */
package acd.ivr.report;
