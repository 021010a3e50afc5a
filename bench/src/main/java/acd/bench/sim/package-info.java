/**
 * The virtual-time simulator: the real routing engine driven by a discrete-event calendar of
 * arriving callers, ringing seats, talk and wrap-up, so a day of traffic runs in seconds and the
 * service levels it reaches can be checked against Erlang C and against each other routing policy.
 * {@link acd.bench.sim.SimulateCommand} is its command line; scenarios live in
 * {@code config/scenarios/}.
 */
package acd.bench.sim;
