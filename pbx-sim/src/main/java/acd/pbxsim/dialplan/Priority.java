package acd.pbxsim.dialplan;

/** One priority of an extension: {@code same => n(label),App(data)}. */
public record Priority(int priority, String label, String application, String data, int line) {
}
