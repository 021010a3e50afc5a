/**
 * The IVR over FastAGI: the {@code /ivr} and {@code /survey} scripts run the menu interpreter's
 * steps as AGI commands, self-service actions off the connection's event loop.
 */
package acd.cti.ivr;
