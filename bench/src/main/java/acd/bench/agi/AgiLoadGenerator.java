package acd.bench.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays Asterisk against a FastAGI server: up to {@code concurrency} calls at once, each one
 * connection running {@link LoadDialogue}, on a few event-loop threads so that thousands of open
 * calls cost no thread each. Calls are started at a fixed rate while below the concurrency, and a
 * call that ends is replaced (a closed loop), for a warm-up, then a measured window of a fixed
 * length or a fixed number of calls, then a drain in which no call is started.
 *
 * <p>Per command it measures the server's turnaround: from the moment the generator sent its
 * reply to the moment the next command arrived. With a reply delay, each call would send a
 * command per delay if the server answered at once, so the turnaround is also recorded with
 * {@code recordValueWithExpectedInterval} at that interval: a server that stalls for a second
 * kept every open call from sending the commands it would have sent meanwhile, and those count.
 *
 * <p>One generator makes one run.
 */
public final class AgiLoadGenerator {

    /** Prefix of the generator's thread names, so its CPU can be told from the server's. */
    static final String THREAD_NAME = "agi-load";

    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int MAX_LINE_LENGTH = 8 * 1024;
    private static final int UNEXPECTED_SAMPLES = 5;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LoadPlan plan;
    private final EventLoopGroup group;
    private final long replyDelayNanos;
    private final long expectedIntervalNanos;

    private final Semaphore slots;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger openPeak = new AtomicInteger();
    private final AtomicLong callNumbers = new AtomicLong();
    private final Map<AsteriskCall, Channel> openCalls = new ConcurrentHashMap<>();
    private final LongAdder[] outcomes = new LongAdder[SessionEnd.values().length];
    private final LongAdder[] commandsPerStep = new LongAdder[LoadDialogue.STEPS.size()];
    private final LongAdder afterHangup = new LongAdder();
    private final List<String> unexpectedLines = Collections.synchronizedList(new ArrayList<>());

    private final Recorder turnaround = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder turnaroundRaw = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder setup = new Recorder(HIGHEST_NANOS, 3);
    private volatile boolean measuring;
    private final LongAdder completedInWindow = new LongAdder();
    private final LongAdder commandsInWindow = new LongAdder();
    private final LongAdder measuredFinished = new LongAdder();

    private long started;
    private boolean used;

    /**
     * @param group the event loops the calls run on; shared between runs so that the threads the
     *              generator itself needs exist before the server's are counted
     */
    public AgiLoadGenerator(LoadPlan plan, EventLoopGroup group) {
        this.plan = plan;
        this.group = group;
        this.replyDelayNanos = TimeUnit.MILLISECONDS.toNanos(plan.replyDelayMs());
        this.expectedIntervalNanos = plan.expectedIntervalNanos();
        this.slots = new Semaphore(plan.concurrency());
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
        for (int i = 0; i < commandsPerStep.length; i++) {
            commandsPerStep[i] = new LongAdder();
        }
    }

    /** Event loops for the generator, with their threads already running. */
    public static EventLoopGroup clientGroup(int threads) {
        EventLoopGroup group = new NioEventLoopGroup(threads, new DefaultThreadFactory(THREAD_NAME, true));
        for (EventExecutor loop : group) {
            loop.submit(() -> { }).syncUninterruptibly();
        }
        return group;
    }

    /** Runs the plan against a server listening at {@code server}; returns when every call has ended. */
    public LoadRun run(InetSocketAddress server, RunObserver observer) throws InterruptedException {
        if (used) {
            throw new IllegalStateException("a load generator makes one run");
        }
        used = true;
        Bootstrap template = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, plan.commandTimeoutMs());
        String host = server.getAddress().getHostAddress();
        long periodNanos = plan.sessionsPerSecond() > 0 ? (long) (1e9 / plan.sessionsPerSecond()) : 0;

        long start = System.nanoTime();
        long warmUpEnd = start + plan.warmUp().toNanos();
        long windowStart = 0;
        long windowEnd = Long.MAX_VALUE;
        boolean inWindow = false;
        long measuredStarted = 0;
        long nextStart = start;
        boolean holdingSlot = false;

        while (true) {
            long now = System.nanoTime();
            if (!inWindow && now >= warmUpEnd) {
                inWindow = true;
                openWindow();
                windowStart = System.nanoTime();
                windowEnd = windowStart + plan.duration().toNanos();
                observer.windowOpened();
                now = System.nanoTime();
            }
            if (inWindow && (now >= windowEnd || plan.counted() && measuredFinished.sum() >= plan.sessions())) {
                break;
            }
            if (inWindow && plan.counted() && measuredStarted >= plan.sessions()) {
                LockSupport.parkNanos(POLL_NANOS);
                continue;
            }
            if (!holdingSlot) {
                holdingSlot = slots.tryAcquire(1, TimeUnit.MILLISECONDS);
                if (!holdingSlot) {
                    continue;
                }
                now = System.nanoTime();
            }
            if (periodNanos > 0) {
                // A tick that found every slot taken is dropped, not saved up for a burst later.
                nextStart = Math.max(nextStart, now - periodNanos);
                if (now < nextStart) {
                    LockSupport.parkNanos(Math.min(nextStart - now, POLL_NANOS));
                    continue;
                }
                nextStart += periodNanos;
            }
            holdingSlot = false;
            startCall(template, server, host, inWindow);
            if (inWindow) {
                measuredStarted++;
            }
        }
        if (holdingSlot) {
            slots.release();
        }

        long windowNanos = System.nanoTime() - windowStart;
        measuring = false;
        Histogram turnaroundHistogram = turnaround.getIntervalHistogram();
        Histogram turnaroundRawHistogram = turnaroundRaw.getIntervalHistogram();
        Histogram setupHistogram = setup.getIntervalHistogram();
        long completed = completedInWindow.sum();
        long commands = commandsInWindow.sum();
        int openAtEnd = open.get();
        observer.windowClosed(open::get);

        drain();

        Map<SessionEnd, Long> outcomeCounts = new EnumMap<>(SessionEnd.class);
        for (SessionEnd outcome : SessionEnd.values()) {
            long n = outcomes[outcome.ordinal()].sum();
            if (n > 0) {
                outcomeCounts.put(outcome, n);
            }
        }
        Map<String, Long> byVerb = new LinkedHashMap<>();
        for (int i = 0; i < commandsPerStep.length; i++) {
            byVerb.merge(LoadDialogue.STEPS.get(i).verb(), commandsPerStep[i].sum(), Long::sum);
        }
        List<String> unexpected;
        synchronized (unexpectedLines) {
            unexpected = List.copyOf(unexpectedLines);
        }
        return new LoadRun(started, outcomeCounts, windowNanos, completed, commands, turnaroundHistogram,
                turnaroundRawHistogram, setupHistogram, byVerb, afterHangup.sum(), openPeak.get(), openAtEnd,
                unexpected);
    }

    private void openWindow() {
        turnaround.getIntervalHistogram();
        turnaroundRaw.getIntervalHistogram();
        setup.getIntervalHistogram();
        completedInWindow.reset();
        commandsInWindow.reset();
        openPeak.set(open.get());
        measuring = true;
    }

    /** Waits for the open calls to end by themselves, then closes what is left. */
    private void drain() throws InterruptedException {
        long patienceNanos = TimeUnit.MILLISECONDS.toNanos(plan.commandTimeoutMs())
                + replyDelayNanos * (LoadDialogue.STEPS.size() + 1) + TimeUnit.SECONDS.toNanos(2);
        long deadline = System.nanoTime() + patienceNanos;
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        openCalls.forEach(AsteriskCall::abandon);
        long lastChance = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (open.get() > 0 && System.nanoTime() < lastChance) {
            Thread.sleep(5);
        }
    }

    private void startCall(Bootstrap template, InetSocketAddress server, String host, boolean inWindow) {
        long number = callNumbers.incrementAndGet();
        AsteriskCall call = new AsteriskCall(this, LoadDialogue.headerBlock(host, server.getPort(), number),
                replyDelayNanos, inWindow);
        long idleMs = plan.commandTimeoutMs() + plan.replyDelayMs();
        Bootstrap bootstrap = template.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(
                        new IdleStateHandler(idleMs, 0, 0, TimeUnit.MILLISECONDS),
                        new LineDecoder(MAX_LINE_LENGTH),
                        call);
            }
        });
        started++;
        int nowOpen = open.incrementAndGet();
        if (measuring) {
            openPeak.accumulateAndGet(nowOpen, Math::max);
        }
        ChannelFuture connect = bootstrap.connect(server);
        Channel channel = connect.channel();
        openCalls.put(call, channel);
        channel.closeFuture().addListener(closed -> call.closed());
    }

    // ---- called by the calls, on their event loops

    void recordSetup(long nanos) {
        if (measuring) {
            setup.recordValue(Math.min(nanos, HIGHEST_NANOS));
            commandsInWindow.increment();
        }
    }

    void recordTurnaround(long nanos) {
        if (measuring) {
            long value = Math.min(nanos, HIGHEST_NANOS);
            turnaroundRaw.recordValue(value);
            if (expectedIntervalNanos > 0) {
                turnaround.recordValueWithExpectedInterval(value, expectedIntervalNanos);
            } else {
                turnaround.recordValue(value);
            }
            commandsInWindow.increment();
        }
    }

    void countCommand(int step) {
        commandsPerStep[step].increment();
    }

    void countAfterHangup() {
        afterHangup.increment();
    }

    void finished(AsteriskCall call, SessionEnd outcome, String unexpected) {
        openCalls.remove(call);
        outcomes[outcome.ordinal()].increment();
        if (unexpected != null && unexpectedLines.size() < UNEXPECTED_SAMPLES) {
            unexpectedLines.add(unexpected);
        }
        if (outcome == SessionEnd.COMPLETED && measuring) {
            completedInWindow.increment();
        }
        if (call.measured()) {
            measuredFinished.increment();
        }
        open.decrementAndGet();
        slots.release();
    }
}
