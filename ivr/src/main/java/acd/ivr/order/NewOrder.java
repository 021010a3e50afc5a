package acd.ivr.order;

import java.util.Objects;

/**
 * An order to open.
 *
 * @param kind        what it is about
 * @param grade       a complaint's grade; null for the other kinds
 * @param customer    the customer's number
 * @param about       the call it came from, if any
 * @param summary     what the customer said
 * @param openedBy    who opens it
 * @param promisedMs  a reply time promised to the customer, earlier than the kind's own; 0 for none
 */
public record NewOrder(OrderKind kind, ComplaintGrade grade, String customer, OrderSource about, String summary,
                       String openedBy, long promisedMs) {

    public NewOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(openedBy, "openedBy");
    }
}
