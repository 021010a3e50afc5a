package acd.ivr.store;

import acd.core.config.ConfigError;
import acd.core.config.ConfigProblems;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the store is seeded with when it opens: subscribers and recharge cards, read and checked
 * before the database is touched, so a bad file stops the start with nothing written.
 *
 * @param customers subscribers to create or update
 * @param cards     recharge cards to add when new
 */
public record StoreSeed(List<SeedCustomer> customers, List<SeedCard> cards) {
    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String CARDS_FILE = "recharge-cards.csv";
    /** Nothing to seed. */
    public static final StoreSeed NONE = new StoreSeed(List.of(), List.of());

    public StoreSeed {
        customers = List.copyOf(customers);
        cards = List.copyOf(cards);
    }

    /**
     * Reads {@code customers.csv} and {@code recharge-cards.csv} from the config directory; a
     * file that is not there seeds nothing.
     *
     * @throws ConfigError naming every bad row of both files
     */
    public static StoreSeed read(Path configDirectory, RoutingIds ids) {
        Path customersPath = configDirectory.resolve(CUSTOMERS_FILE);
        Path cardsPath = configDirectory.resolve(CARDS_FILE);
        ConfigProblems problems = new ConfigProblems(List.of(customersPath.toString(), cardsPath.toString()));
        List<SeedCustomer> customers = List.of();
        List<SeedCard> cards = List.of();
        try {
            String text = text(customersPath, problems);
            if (text != null) {
                customers = CustomerFile.parse(customersPath.toString(), text, ids);
            }
        } catch (ConfigError e) {
            problems.addAll(e);
        }
        try {
            String text = text(cardsPath, problems);
            if (text != null) {
                cards = RechargeCardFile.parse(cardsPath.toString(), text);
            }
        } catch (ConfigError e) {
            problems.addAll(e);
        }
        problems.throwIfAny();
        return new StoreSeed(customers, cards);
    }

    private static String text(Path path, ConfigProblems problems) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            problems.add(path.toString(), 1, 1, "the file is not UTF-8 text");
        } catch (IOException e) {
            problems.add(path.toString(), 1, 1, "cannot read the file: " + e);
        }
        return null;
    }
}
