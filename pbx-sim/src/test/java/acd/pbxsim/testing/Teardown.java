package acd.pbxsim.testing;

/** Closes what a scenario opened, in the order given, skipping what it never got to open. */
public final class Teardown {
    private Teardown() {
    }

    /** Closes each part that is not null: the AMI client before the simulator, the simulator before its AGI server. */
    public static void close(AutoCloseable... parts) throws Exception {
        for (AutoCloseable part : parts) {
            if (part != null) {
                part.close();
            }
        }
    }
}
