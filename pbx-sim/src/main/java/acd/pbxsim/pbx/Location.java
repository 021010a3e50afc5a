package acd.pbxsim.pbx;

/** A place in the dialplan: context, extension, priority. */
public record Location(String context, String exten, int priority) {

    public Location next() {
        return new Location(context, exten, priority + 1);
    }

    public Location at(int newPriority) {
        return new Location(context, exten, newPriority);
    }

    @Override
    public String toString() {
        return context + "," + exten + "," + priority;
    }
}
