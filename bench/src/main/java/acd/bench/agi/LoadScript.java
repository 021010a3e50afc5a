package acd.bench.agi;

import acd.cti.agi.AgiChannel;
import acd.cti.agi.AgiScript;
import acd.cti.agi.codec.AgiRequest;

/**
 * {@link LoadDialogue}'s call as a script for our server: each command is sent when the previous
 * reply arrives, on the connection's event loop, so a call waiting for Asterisk holds no thread.
 * It keeps no state of its own, so one instance serves every call.
 */
final class LoadScript implements AgiScript {

    @Override
    public void start(AgiRequest request, AgiChannel channel) {
        channel.answer()
                .thenCompose(answered -> channel.streamFile(LoadDialogue.PROMPTS[0], ""))
                .thenCompose(played -> channel.streamFile(LoadDialogue.PROMPTS[1], ""))
                .thenCompose(played -> channel.streamFile(LoadDialogue.PROMPTS[2], ""))
                .thenCompose(played -> channel.getData(
                        LoadDialogue.DIGITS_PROMPT, LoadDialogue.DIGITS_TIMEOUT_MS, LoadDialogue.MAX_DIGITS))
                .thenCompose(digits -> channel.setVariable(LoadDialogue.DIGITS_VARIABLE, digits.result()))
                .thenCompose(set -> channel.hangup())
                .whenComplete((hungUp, failure) -> channel.close());
    }
}
