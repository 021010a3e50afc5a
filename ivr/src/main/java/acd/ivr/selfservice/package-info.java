/** The self-service port: what the IVR asks of the operator's account, billing and order systems. */
package acd.ivr.selfservice;
