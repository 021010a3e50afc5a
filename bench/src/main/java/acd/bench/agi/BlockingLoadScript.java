package acd.bench.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;

/**
 * {@link LoadDialogue}'s call written the way Asterisk-Java scripts are: straight-line blocking
 * calls on the pool thread that owns the connection. Stateless (Asterisk-Java hands each thread
 * its own channel), so one instance serves every call.
 */
final class BlockingLoadScript extends BaseAgiScript {

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        answer();
        streamFile(LoadDialogue.PROMPTS[0]);
        streamFile(LoadDialogue.PROMPTS[1]);
        streamFile(LoadDialogue.PROMPTS[2]);
        String digits = getData(LoadDialogue.DIGITS_PROMPT, LoadDialogue.DIGITS_TIMEOUT_MS, LoadDialogue.MAX_DIGITS);
        setVariable(LoadDialogue.DIGITS_VARIABLE, digits);
        hangup();
    }
}
