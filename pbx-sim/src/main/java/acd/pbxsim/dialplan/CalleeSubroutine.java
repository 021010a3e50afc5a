package acd.pbxsim.dialplan;

import java.util.List;

/**
 * What Dial's U option names: the context whose {@code s} extension the answering channel runs,
 * and the arguments it gets as ARG1.... {@code U(acd-record^name)} is app_dial's
 * {@code Gosub(acd-record,s,1(name))}; {@code U(acd-record^)} passes no argument at all (ARGC=0),
 * which reads as "" all the same.
 */
record CalleeSubroutine(String context, List<String> arguments) {

    CalleeSubroutine {
        arguments = List.copyOf(arguments);
    }

    static CalleeSubroutine parse(String spec) {
        // '^' stands for the commas the option's parentheses could not hold
        String gosub = spec.replace('^', ',');
        int comma = gosub.indexOf(',');
        if (comma < 0) {
            return new CalleeSubroutine(gosub.strip(), List.of());
        }
        return new CalleeSubroutine(gosub.substring(0, comma).strip(),
                Expressions.rawArguments(gosub.substring(comma + 1)));
    }
}
