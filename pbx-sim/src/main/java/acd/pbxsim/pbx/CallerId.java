package acd.pbxsim.pbx;

/**
 * A caller id as Asterisk's ast_callerid_parse reads it: {@code "Name" <number>}, {@code Name <number>}
 * or a bare number. What AMI Originate's CallerID and the dialplan's CALLERID(all) are given.
 */
public record CallerId(String name, String number) {

    public static CallerId parse(String text) {
        String t = text == null ? "" : text.strip();
        int lt = t.indexOf('<');
        int gt = t.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            String name = t.substring(0, lt).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new CallerId(name, t.substring(lt + 1, gt).strip());
        }
        if (!t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || c == '+' || c == '*' || c == '#')) {
            return new CallerId("", t);
        }
        return new CallerId(t, "");
    }
}
