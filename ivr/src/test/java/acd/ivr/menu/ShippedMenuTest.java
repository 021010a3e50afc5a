package acd.ivr.menu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The menu a user edits loads against the routing a user edits. */
class ShippedMenuTest {

    @Test
    void theShippedMenuLoadsAgainstTheShippedRouting() {
        IvrMenu menu = Menus.shipped();
        assertEquals(java.util.List.of("zh", "en"), menu.languages());
        assertEquals("lang", menu.start());
        assertTrue(menu.hasSurvey());
        assertEquals("agent", menu.person());
    }
}
