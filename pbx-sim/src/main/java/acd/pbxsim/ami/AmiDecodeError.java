package acd.pbxsim.ami;

/** A frame the decoder could not take, reported in-band so the pipeline keeps going. */
public record AmiDecodeError(String reason) {
}
