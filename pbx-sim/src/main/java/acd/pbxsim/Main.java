package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.dialplan.DialplanParser;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.SeatPhone;
import acd.pbxsim.world.SeatSettings;
import acd.pbxsim.world.CallerArrivals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulated PBX on its own: {@code java acd.pbxsim.Main --seats 1001-1010 --login-seats
 * --rate 6 --calls 100}. Without --calls it only listens, for a server to connect and route.
 */
public final class Main {

    private static final String USAGE = """
            usage: pbx-sim [flags]
              --ami-bind ADDR      manager interface address (default 127.0.0.1)
              --ami-port N         manager port (default 5038; 0 picks one)
              --ami-user NAME      manager user (default acd)
              --ami-secret TEXT    its secret (default: $ACD_AMI_SECRET, else change-me)
              --agi-host HOST      the ACD's FastAGI host (default 127.0.0.1)
              --agi-port N         the ACD's FastAGI port (default 4573)
              --seats A-B|N        seat phones PJSIP/A..PJSIP/B, or N seats from 1001 (default none)
              --login-seats        each seat dials *21 (log in) then *23 (ready) at start
              --ring S             seconds a seat rings before answering (default 2)
              --no-answer P        probability a seat lets a call ring out (default 0)
              --rate R             callers per minute, Poisson (default 6)
              --calls N            callers in all; 0 places none (default 0)
              --did NUMBER         hotline dialled (default 10086)
              --keys K1,K2,...     what each caller keys in, one entry per input request
              --patience S         mean patience in seconds, 0 never gives up (default 60)
              --talk S             mean talk time in seconds (default 30)
              --speed F            simulated time runs F times faster (default 1)
              --seed N             random seed (default 1)
              --dialplan FILE      an extensions.conf to play instead of the built-in one
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags;
        try {
            flags = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (flags.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        int exit = run(flags, System.out);
        System.exit(exit);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        List<String> booleans = List.of("login-seats", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                flags.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (booleans.contains(name)) {
                flags.put(name, "true");
            } else if (i + 1 < args.length) {
                flags.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return flags;
    }

    static PbxSettings settings(Map<String, String> f) throws IOException {
        String secret = f.getOrDefault("ami-secret", System.getenv().getOrDefault("ACD_AMI_SECRET", "change-me"));
        PbxSettings s = PbxSettings.defaults()
                .withAmi(f.getOrDefault("ami-bind", "127.0.0.1"), Integer.parseInt(f.getOrDefault("ami-port", "5038")))
                .withAmiUsers(List.of(new AmiUser(f.getOrDefault("ami-user", "acd"), secret)))
                .withAgi(f.getOrDefault("agi-host", "127.0.0.1"), Integer.parseInt(f.getOrDefault("agi-port", "4573")))
                .withSpeed(Double.parseDouble(f.getOrDefault("speed", "1")))
                .withSeed(Long.parseLong(f.getOrDefault("seed", "1")));
        if (f.containsKey("dialplan")) {
            s = s.withDialplan(DialplanParser.parse(Path.of(f.get("dialplan"))));
        }
        long ringMs = Math.round(Double.parseDouble(f.getOrDefault("ring", "2")) * 1000);
        double noAnswer = Double.parseDouble(f.getOrDefault("no-answer", "0"));
        List<SeatSettings> seats = new ArrayList<>();
        for (int n : seatNumbers(f.get("seats"))) {
            seats.add(SeatSettings.of("PJSIP/" + n).withRingMs(ringMs).withNoAnswerProbability(noAnswer));
        }
        return s.withSeats(seats);
    }

    static List<Integer> seatNumbers(String spec) {
        List<Integer> numbers = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return numbers;
        }
        int dash = spec.indexOf('-');
        int first;
        int last;
        if (dash > 0) {
            first = Integer.parseInt(spec.substring(0, dash).strip());
            last = Integer.parseInt(spec.substring(dash + 1).strip());
        } else {
            first = 1001;
            last = first + Integer.parseInt(spec.strip()) - 1;
        }
        for (int n = first; n <= last; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    static int run(Map<String, String> f, PrintStream out) throws Exception {
        PbxSettings settings = settings(f);
        int calls = Integer.parseInt(f.getOrDefault("calls", "0"));
        CountDownLatch stop = new CountDownLatch(1);
        try (PbxSimulator sim = new PbxSimulator(settings).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            out.printf("pbx-sim: AMI on %s:%d (user %s), AGI to %s:%d, %d seats, speed %s%n",
                    settings.amiBindAddress(), sim.amiPort(), settings.amiUsers().get(0).username(),
                    settings.agiHost(), settings.agiPort(), settings.seats().size(), settings.speed());
            if (f.containsKey("login-seats")) {
                for (SeatPhone seat : sim.seats()) {
                    seat.login().thenCompose(status -> seat.ready());
                }
            }
            if (calls <= 0) {
                stop.await();
                return 0;
            }
            List<String> keys = f.containsKey("keys") ? Arrays.asList(f.get("keys").split(",", -1)) : List.of();
            CallerArrivals traffic = CallerArrivals.poisson(Double.parseDouble(f.getOrDefault("rate", "6")), calls,
                            Long.parseLong(f.getOrDefault("seed", "1")))
                    .withDids(List.of(f.getOrDefault("did", "10086")))
                    .pressing(keys)
                    .withMeanPatienceMs(Math.round(Double.parseDouble(f.getOrDefault("patience", "60")) * 1000))
                    .withMeanTalkTimeMs(Math.round(Double.parseDouble(f.getOrDefault("talk", "30")) * 1000));
            sim.startTraffic(traffic);
            while (!sim.awaitSettled(Duration.ofSeconds(5))) {
                out.println("pbx-sim: " + sim.outcomes());
                if (stop.await(0, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            Outcomes o = sim.outcomes();
            out.println("pbx-sim: done: " + o);
            return o.failed() == 0 ? 0 : 1;
        }
    }
}
