/**
 * The FastAGI server: Asterisk connects, sends its {@code agi_*} block, and a script chosen by
 * the script path ({@code /ivr}, {@code /acd}, ...) drives the call through an asynchronous
 * {@link acd.cti.agi.AgiChannel}. A session waiting for Asterisk holds no thread: each command
 * returns a {@link java.util.concurrent.CompletionStage} completed on the connection's event
 * loop when the reply arrives. The wire format lives in {@code acd.cti.agi.codec}.
 */
package acd.cti.agi;
