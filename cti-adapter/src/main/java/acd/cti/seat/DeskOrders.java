package acd.cti.seat;

import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.cti.seat.codec.SeatRequestDecoder;
import acd.cti.task.WorkOrderDesk;
import acd.ivr.order.NewOrder;
import acd.ivr.order.Order;
import acd.ivr.order.OrderSource;
import acd.ivr.order.WorkOrderException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The work order requests of one desktop: agents and supervisors alike list orders, open them
 * and take every step of their life cycle, each step in their own name. Answers come later (the
 * store may block) and go to {@code reply} as an {@code orders}, {@code order} or
 * {@code orderHistory} notice, or an {@code order_refused} error naming why nothing was done.
 */
final class DeskOrders {
    private DeskOrders() {
    }

    static boolean isOrderRequest(SeatRequest request) {
        return request instanceof SeatRequest.Orders || request instanceof SeatRequest.OpenOrder
                || request instanceof SeatRequest.OrderStep || request instanceof SeatRequest.OrderHistory
                || request instanceof SeatRequest.ExportOrders;
    }

    /**
     * @param actor   the agent's or supervisor's id, who each step is recorded as
     * @param isAgent whether the desk is an agent's: an order an agent opens from a call is about
     *                that agent's call
     */
    static void handle(WorkOrderDesk desk, SeatRequest request, String actor, boolean isAgent,
                       Consumer<SeatNotice> reply)
            throws SeatProtocolException {
        if (desk == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "this server keeps no work orders");
        }
        if (request instanceof SeatRequest.Orders r) {
            CompletionStage<List<Order>> listed = r.customer() == null ? desk.open() : desk.ofCustomer(r.customer());
            answer(listed, orders -> new SeatNotice.Orders(desk.nowMs(), r.customer(), rows(desk, orders)), reply);
        } else if (request instanceof SeatRequest.OpenOrder r) {
            NewOrder order = new NewOrder(r.kind(), r.grade(), r.customer(),
                    new OrderSource(r.call(), r.queue(), r.brand(), r.tier(),
                            isAgent && r.call() != null ? actor : null), r.summary(), actor, r.promisedMs());
            answer(desk.open(order), o -> changed(desk, request.type(), o), reply);
        } else if (request instanceof SeatRequest.OrderStep r) {
            answer(desk.step(r.order(), r.step(), actor, r.to(), r.note(), r.satisfied()),
                    o -> changed(desk, SeatRequestDecoder.wireName(r.step()), o), reply);
        } else if (request instanceof SeatRequest.ExportOrders r) {
            answer(desk.export(r.from(), r.to()), e -> new SeatNotice.OrdersCsv(e.from().toString(), e.to().toString(),
                    e.orders(), e.csv()), reply);
        } else {
            long id = ((SeatRequest.OrderHistory) request).order();
            answer(desk.history(id), steps -> new SeatNotice.OrderHistory(id, steps.stream()
                    .map(s -> new SeatNotice.OrderStepRow(s.step(), s.actor(), s.note(), s.atMs())).toList()), reply);
        }
    }

    private static SeatNotice changed(WorkOrderDesk desk, String action, Order order) {
        return new SeatNotice.Order(action, row(order, desk.nowMs()));
    }

    private static <T> void answer(CompletionStage<T> step, Function<T, SeatNotice> notice,
                                   Consumer<SeatNotice> reply) {
        DeskAnswers.answer(step, notice, reply, "work orders", cause -> cause instanceof WorkOrderException
                ? new SeatNotice.Error(SeatErrorCode.ORDER_REFUSED, cause.getMessage()) : null);
    }

    private static List<SeatNotice.OrderRow> rows(WorkOrderDesk desk, List<Order> orders) {
        long now = desk.nowMs();
        return orders.stream().map(o -> row(o, now)).toList();
    }

    static SeatNotice.OrderRow row(Order o, long nowMs) {
        Map.Entry<acd.ivr.order.Milestone, Long> next = o.nextDue().orElse(null);
        return new SeatNotice.OrderRow(o.id(), SeatRequestDecoder.wireName(o.kind()),
                o.grade() == null ? null : SeatRequestDecoder.wireName(o.grade()),
                o.grade() == null ? null : o.grade().label(), SeatRequestDecoder.wireName(o.state()), o.customer(),
                o.about().callId(), o.about().queue(), o.about().tier(), o.about().brand(), o.about().agent(),
                o.summary(), o.assignee(),
                o.openedBy(), o.openedMs(), next == null ? null : SeatRequestDecoder.wireName(next.getKey()),
                next == null ? 0 : next.getValue(),
                o.overdueAt(nowMs).stream().map(SeatRequestDecoder::wireName).toList(), o.closedMs());
    }
}
