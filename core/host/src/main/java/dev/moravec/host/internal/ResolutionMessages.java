package dev.moravec.host.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/** Turns Felix's install and resolution errors into one line a plugin author can act on. */
public final class ResolutionMessages {

    private static final Pattern MISSING_PACKAGE = Pattern.compile(
            "osgi\\.wiring\\.package; \\(&\\(osgi\\.wiring\\.package=([^)]+)\\)((?:\\([^()]*\\)|\\(!\\([^()]*\\)\\))*)\\)");
    private static final Pattern MISSING_PACKAGE_NO_VERSION =
            Pattern.compile("osgi\\.wiring\\.package; \\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern EXECUTION_ENVIRONMENT = Pattern.compile("osgi\\.ee; (\\(.*?\\)\\))");

    private ResolutionMessages() {}

    /**
     * Explains an install or start failure.
     *
     * @param e what Felix threw
     * @return one line: the missing imports when resolution failed, else the message
     */
    public static String explain(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = MISSING_PACKAGE.matcher(message);
        while (m.find()) {
            missing.add(m.group(1) + versionRange(m.group(2)));
        }
        m = MISSING_PACKAGE_NO_VERSION.matcher(message);
        while (m.find()) {
            missing.add(m.group(1));
        }
        if (!missing.isEmpty()) {
            return "missing imports: " + String.join(", ", missing)
                    + " (neither the host nor another plugin exports them; embed them in the bundle or"
                    + " add the bundle that exports them to the plugins folder)";
        }
        m = EXECUTION_ENVIRONMENT.matcher(message);
        if (m.find()) {
            return "requires a Java version this JVM does not offer: " + m.group(1);
        }
        Throwable cause = e.getCause();
        if (e instanceof BundleException && cause != null && cause != e) {
            return oneLine(message) + ": " + oneLine(String.valueOf(cause));
        }
        return oneLine(message);
    }

    private static String versionRange(String filters) {
        if (filters == null || filters.isEmpty()) {
            return "";
        }
        Matcher low = Pattern.compile("\\(version>=([^)]+)\\)").matcher(filters);
        Matcher high = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)").matcher(filters);
        String from = null;
        String to = null;
        while (low.find()) {
            if (low.start() == 0 || filters.charAt(low.start() - 1) != '!') {
                from = low.group(1);
            }
        }
        if (high.find()) {
            to = high.group(1);
        }
        if (from == null && to == null) {
            return "";
        }
        return " " + "[" + (from == null ? "0" : from) + "," + (to == null ? "∞" : to) + ")";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
