package io.roomwatch.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in configuration values, from the environment. {@code $${} is a literal
 * {@code ${}. The default applies when the variable is unset or empty, as in a POSIX shell.
 */
final class Placeholders {

    private static final Pattern REFERENCE = Pattern.compile("\\$(\\$)?\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> env;

    Placeholders(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * {@code raw} with its references replaced, or {@code null} after adding a problem at {@code where} naming the
     * variable. Problems never quote the value.
     */
    @Nullable
    String resolve(String raw, String where, Problems problems) {
        if (!raw.contains("${")) {
            return raw;
        }
        Matcher reference = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        int end = 0;
        boolean failed = false;
        while (reference.find()) {
            String between = raw.substring(end, reference.start());
            if (between.contains("${")) {
                break;
            }
            out.append(between);
            end = reference.end();
            if (reference.group(1) != null) {
                out.append(reference.group().substring(1));
                continue;
            }
            String name = reference.group(2);
            String value = env.get(name);
            if (reference.group(3) != null && (value == null || value.isEmpty())) {
                value = reference.group(3);
            }
            if (value == null) {
                problems.add(where, "environment variable " + name + " is not set");
                failed = true;
            } else {
                out.append(value);
            }
        }
        if (raw.substring(end).contains("${")) {
            problems.add(where, "'${' starts no ${NAME} or ${NAME:-default} reference (write $${ for a literal ${)");
            return null;
        }
        return failed ? null : out.append(raw.substring(end)).toString();
    }
}
