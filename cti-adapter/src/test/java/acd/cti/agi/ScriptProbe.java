package acd.cti.agi;

import acd.cti.agi.codec.AgiRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** A script whose dialogue a test writes inline, and which records what happened to it. */
final class ScriptProbe implements AgiScript {

    private final BiConsumer<AgiRequest, AgiChannel> dialogue;
    final CompletableFuture<AgiChannel> started = new CompletableFuture<>();
    final CompletableFuture<Void> hungUp = new CompletableFuture<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final AtomicInteger hangups = new AtomicInteger();
    final AtomicInteger ends = new AtomicInteger();

    ScriptProbe(BiConsumer<AgiRequest, AgiChannel> dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public void start(AgiRequest request, AgiChannel channel) {
        started.complete(channel);
        dialogue.accept(request, channel);
    }

    @Override
    public void onHangup(AgiChannel channel) {
        hangups.incrementAndGet();
        hungUp.complete(null);
    }

    @Override
    public void onEnd(AgiChannel channel) {
        ends.incrementAndGet();
        ended.complete(null);
    }
}
