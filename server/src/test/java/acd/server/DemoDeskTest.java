package acd.server;

import acd.core.config.RoutingConfigLoader;
import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.HangupSide;
import acd.core.model.RoutingConfig;
import acd.cti.task.WorkOrderDesk;
import acd.ivr.order.Order;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderState;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.ivr.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo floor's desk work: the odd finished call ends in a complaint or a question about it,
 * and the simulated back office works the orders to their close over the hours, leaving one
 * complaint in five undone so an overdue one shows.
 */
class DemoDeskTest {
    private static final RoutingConfig ROUTING = RoutingConfigLoader.parse("routing.yaml", """
            skills: [general]
            tiers:
              - {id: gold, weight: 3}
            brands:
              - {id: gotone, label: 全球通}
            queues:
              - {id: general, requiredSkills: [general]}
            agents:
              - {id: "1001", skills: {general: 1}}
            """);
    private static final long T0 = 1_790_000_000_000L;
    private static final long MINUTE_MS = 60_000;

    @TempDir
    Path data;
    private SelfServiceStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static CallView call(long id) {
        return new CallView() {
            public long callId() { return id; }
            public int queueIndex() { return 0; }
            public int tierIndex() { return 0; }
            public int brandIndex() { return 0; }
            public int accountManagerIndex() { return -1; }
            public CharSequence callerNumber() { return "1390000" + String.format("%04d", id); }
            public CharSequence ivrPath() { return "0"; }
            public CharSequence callerChannel() { return "1790000000." + id; }
            public CharSequence seatChannel() { return null; }
            public HangupSide hungUpFirst() { return HangupSide.CALLER; }
            public long arrivedAtMs() { return T0; }
            public long queuedAtMs() { return T0; }
            public CallState state() { return CallState.CONNECTED; }
        };
    }

    @Test
    void theOddCallEndsInAnOrderThatTheBackOfficeWorksToItsCloseOverTheHours() {
        store = SelfServiceStore.open(StoreSettings.defaults().withDataDirectory(data), new StoreSeed(List.of(), List.of()));
        AtomicLong now = new AtomicLong(T0);
        WorkOrderDesk orders = new WorkOrderDesk(store.workOrders(), new WorkOrderDesk.Names(Set.of("general"),
                Set.of("gold"), Set.of("gotone")), Runnable::run, now::get, () -> ZoneId.of("Asia/Shanghai"));
        DemoDesk desk = new DemoDesk(ROUTING, orders, 7);
        desk.callCompleted(T0, call(0), 0, 30_000);
        assertEquals(List.of(), orders.open().toCompletableFuture().join(), "nothing before the demo starts");

        desk.start();
        for (int i = 1; i <= 6_000; i++) {
            desk.callCompleted(T0, call(i), 0, 30_000);
        }
        List<Order> opened = orders.open().toCompletableFuture().join();
        long complaints = opened.stream().filter(o -> o.kind() == OrderKind.COMPLAINT).count();
        long questions = opened.stream().filter(o -> o.kind() == OrderKind.QUESTION).count();
        assertTrue(complaints >= 4 && complaints <= 24, complaints + " complaints of 6,000 calls, about 12 expected");
        assertTrue(questions >= 35 && questions <= 90, questions + " questions of 6,000 calls, about 60 expected");
        Order first = opened.get(0);
        assertEquals("1001", first.openedBy());
        assertEquals("general", first.about().queue());
        assertEquals("gotone", first.about().brand());
        assertTrue(first.about().callId().startsWith("1790000000."), first.about().callId());

        // Every 15 minutes of simulated time for five hours, the back office takes the next steps.
        for (int quarter = 1; quarter <= 20; quarter++) {
            now.set(T0 + quarter * 15 * MINUTE_MS);
            desk.workOrders();
        }
        List<Order> still = orders.open().toCompletableFuture().join();
        for (Order o : still) {
            assertEquals(OrderKind.COMPLAINT, o.kind(), "every question is closed");
            assertEquals(0, o.id() % 5, "only the complaints left undone are open: " + o);
            assertEquals(OrderState.DISPATCHED, o.state());
            assertTrue(!o.overdueAt(now.get()).isEmpty(), "its check is overdue");
        }
        Order closed = store.workOrders().order(opened.stream().filter(o -> o.kind() == OrderKind.COMPLAINT
                && o.id() % 5 != 0).findFirst().orElseThrow().id()).orElseThrow();
        assertEquals(OrderState.CLOSED, closed.state());
    }
}
