package acd.cti.agi;

import acd.cti.agi.codec.AgiReply;
import acd.cti.agi.codec.AgiRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest useful IVR: greets the caller, asks for up to four digits, reads them back and
 * leaves them in a channel variable for the dialplan.
 */
final class EchoDigitsScript implements AgiScript {

    static final String DIGITS_VARIABLE = "ACD_DIGITS";

    final CompletableFuture<String> digits = new CompletableFuture<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final AtomicInteger hangups = new AtomicInteger();

    @Override
    public void start(AgiRequest request, AgiChannel channel) {
        channel.answer()
                .thenCompose(answered -> channel.streamFile("hello-world", ""))
                .thenCompose(greeted -> channel.getData("beep", 5000, 4))
                .thenCompose(entered -> readBack(channel, entered))
                .whenComplete((entered, failure) -> {
                    if (failure != null) {
                        digits.completeExceptionally(failure);
                    } else {
                        digits.complete(entered);
                    }
                    channel.close();
                });
    }

    private static CompletionStage<String> readBack(AgiChannel channel, AgiReply entered) {
        String typed = entered.result();
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture("");
        }
        return channel.sayNumber(Long.parseLong(typed), "")
                .thenCompose(said -> channel.setVariable(DIGITS_VARIABLE, typed))
                .thenApply(set -> typed);
    }

    @Override
    public void onHangup(AgiChannel channel) {
        hangups.incrementAndGet();
    }

    @Override
    public void onEnd(AgiChannel channel) {
        ended.complete(null);
    }
}
