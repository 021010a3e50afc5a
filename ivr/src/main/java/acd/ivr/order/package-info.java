/**
 * Work orders: fault reports, complaints, questions left open on a call and follow-ups of
 * dissatisfied survey answers, each with its life cycle (opened, dispatched, in progress,
 * resolved, revisited, closed), the deadlines its kind and grade set, and the record of every
 * step with who took it and when.
 */
package acd.ivr.order;
