package acd.cti.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AgiScriptRouterTest {

    @Test
    void pathsMatchWithOrWithoutSlashes() {
        AgiScriptRouter router = new AgiScriptRouter().register("/acd", EchoDigitsScript::new).register("seat/", EchoDigitsScript::new);

        assertTrue(router.scriptFor("acd").isPresent());
        assertTrue(router.scriptFor("/seat").isPresent());
        assertTrue(router.scriptFor("/ivr").isEmpty());
        assertEquals(Set.of("/acd", "/seat"), router.paths());
    }

    @Test
    void eachCallGetsTheScriptItsFactoryMakes() {
        AgiScriptRouter router = new AgiScriptRouter().register("/ivr", EchoDigitsScript::new);

        assertNotSame(router.scriptFor("/ivr").get(), router.scriptFor("/ivr").get());
    }

    @Test
    void aPathIsRegisteredOnce() {
        AgiScriptRouter router = new AgiScriptRouter().register("/acd", EchoDigitsScript::new);

        assertThrows(IllegalArgumentException.class, () -> router.register("acd", EchoDigitsScript::new));
        assertThrows(IllegalArgumentException.class, () -> router.register("/", EchoDigitsScript::new));
        assertThrows(IllegalArgumentException.class, () -> router.register("/ivr?lang=en", EchoDigitsScript::new));
    }
}
