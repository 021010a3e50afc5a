/**
 * The engine's inputs as bytes, for recording a day and replaying it: every
 * {@link acd.core.engine.EngineEvent} encoded with its time, so a fresh engine fed the same
 * bytes makes the same decisions. Codecs only: where the bytes go is the server's business.
 */
package acd.core.record;
