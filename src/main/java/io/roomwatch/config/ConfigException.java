package io.roomwatch.config;

import java.util.List;

/**
 * A configuration that cannot be used. {@link #problems()} holds one line per problem, each naming where it is (e.g.
 * {@code apps[1] (tencent-live/1400000000).qps.getMemberList: 250 is above the documented limit of 200/s}); the
 * message is all of them. Neither ever contains a secret's value.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ConfigException(List<String> problems) {
        super(message(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order they were found; never empty. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return "invalid configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):\n  " + String.join("\n  ", problems);
    }
}
