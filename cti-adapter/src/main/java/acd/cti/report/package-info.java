/** The service-level reports as the desks ask for them. */
package acd.cti.report;
