package acd.ivr.store;

import acd.ivr.selfservice.ServiceChangeOutcome;
import acd.ivr.selfservice.ServiceOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value-added services: the catalogue, subscribing and unsubscribing, every change on record. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ValueAddedServiceTest extends StoreFixture {
    static final String CALLER = "13600000031";

    ValueAddedServiceTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void theCatalogueIsOfferedInMenuOrderWithNothingSubscribed() {
        List<ServiceOffer> offers = selfService().services(CALLER);

        assertEquals(List.of(
                new ServiceOffer("ringback", "vas/ringback-tone", 500, false),
                new ServiceOffer("caller-id", "vas/caller-display", 500, false),
                new ServiceOffer("data-10gb", "vas/data-pack-10gb", 3000, false),
                new ServiceOffer("sms-100", "vas/sms-bundle-100", 1000, false),
                new ServiceOffer("voicemail", "vas/voicemail", 300, false)), offers);
    }

    @Test
    void subscribingShowsInTheListAndIsRecordedWithTimeAndChannel() {
        assertEquals(ServiceChangeOutcome.SUBSCRIBED,
                selfService().changeService(CALLER, "data-10gb", true, "ivr", T0));

        assertEquals(List.of("data-10gb"), subscribed(CALLER));
        assertEquals(List.of(new JdbcSelfService.ServiceChange(CALLER, "data-10gb", true, "ivr", T0)),
                store.selfService().serviceChanges(CALLER));
    }

    @Test
    void unsubscribingRemovesItAndIsRecordedToo() {
        selfService().changeService(CALLER, "ringback", true, "ivr", T0);

        assertEquals(ServiceChangeOutcome.UNSUBSCRIBED,
                selfService().changeService(CALLER, "ringback", false, "web", T0 + HOUR_MS));

        assertEquals(List.of(), subscribed(CALLER));
        assertEquals(List.of(
                new JdbcSelfService.ServiceChange(CALLER, "ringback", true, "ivr", T0),
                new JdbcSelfService.ServiceChange(CALLER, "ringback", false, "web", T0 + HOUR_MS)),
                store.selfService().serviceChanges(CALLER));
    }

    @Test
    void aRequestThatChangesNothingSaysSoAndIsNotRecorded() {
        selfService().changeService(CALLER, "sms-100", true, "ivr", T0);

        assertEquals(ServiceChangeOutcome.ALREADY_SUBSCRIBED,
                selfService().changeService(CALLER, "sms-100", true, "ivr", T0 + 1));
        assertEquals(ServiceChangeOutcome.NOT_SUBSCRIBED,
                selfService().changeService(CALLER, "voicemail", false, "ivr", T0 + 2));
        assertEquals(1, store.selfService().serviceChanges(CALLER).size());
    }

    @Test
    void unknownServicesAndNumbersAreRefused() {
        assertEquals(ServiceChangeOutcome.UNKNOWN_SERVICE,
                selfService().changeService(CALLER, "horoscope", true, "ivr", T0));
        assertEquals(ServiceChangeOutcome.UNKNOWN_NUMBER,
                selfService().changeService("13000000000", "ringback", true, "ivr", T0));
        assertEquals(List.of(), store.selfService().serviceChanges(CALLER));
    }

    @Test
    void subscriptionsBelongToOneCaller() {
        selfService().changeService(CALLER, "caller-id", true, "ivr", T0);

        assertEquals(List.of(), subscribed("15800000041"));
        assertEquals(List.of("caller-id"), subscribed(CALLER));
    }

    private List<String> subscribed(String number) {
        return selfService().services(number).stream().filter(ServiceOffer::subscribed)
                .map(ServiceOffer::code).collect(Collectors.toList());
    }
}
