package dev.moravec.host.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Asks Declarative Services why a bundle's components do not run: an activation that threw, or a
 * reference no service satisfies. The host does not share SCR's API packages (they live in the
 * runtime bundles), so the public runtime API is called reflectively; any failure to ask yields no
 * answer rather than an error.
 */
public final class ComponentDiagnostics {

    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final int UNSATISFIED_CONFIGURATION = 1;
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int FAILED_ACTIVATION = 16;

    private ComponentDiagnostics() {}

    /**
     * Why the bundle's components are not running.
     *
     * @param context the host's bundle context
     * @param bundle the plugin bundle
     * @return one line per component that failed or waits, naming the component and the cause
     */
    public static List<String> problems(BundleContext context, Bundle bundle) {
        List<String> problems = new ArrayList<>();
        ServiceReference<?> reference = context.getServiceReference(RUNTIME);
        if (reference == null) {
            return problems;
        }
        Object runtime = context.getService(reference);
        try {
            Class<?> api = Class.forName(RUNTIME, false, runtime.getClass().getClassLoader());
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) new Bundle[] {bundle})) {
                String name = (String) field(description, "name");
                Method configurations = api.getMethod("getComponentConfigurationDTOs", description.getClass());
                for (Object configuration : (Collection<?>) configurations.invoke(runtime, description)) {
                    int state = (Integer) field(configuration, "state");
                    if (state == FAILED_ACTIVATION) {
                        problems.add("component " + name + " failed to activate: "
                                + cause((String) field(configuration, "failure")));
                    } else if (state == UNSATISFIED_REFERENCE) {
                        List<String> missing = new ArrayList<>();
                        for (Object ref : (Object[]) field(configuration, "unsatisfiedReferences")) {
                            missing.add((String) field(ref, "name"));
                        }
                        problems.add("component " + name + " waits for services nobody offers: " + missing);
                    } else if (state == UNSATISFIED_CONFIGURATION) {
                        problems.add("component " + name + " waits for a configuration it requires");
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // diagnostics are a courtesy: without them the plugin is still reported, only less precisely
        } finally {
            context.ungetService(reference);
        }
        return problems;
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        Field field = dto.getClass().getField(name);
        return field.get(dto);
    }

    // SCR records the whole stack trace; the innermost cause is what the plugin author wrote
    static String cause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason recorded";
        }
        String cause = failure.lines().findFirst().orElse(failure);
        for (String line : failure.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        int colon = cause.indexOf(": ");
        boolean qualifiedName = colon > 0 && cause.substring(0, colon).matches("[\\w.$]+\\.[\\w$]+");
        return qualifiedName ? cause.substring(cause.lastIndexOf('.', colon) + 1) : cause;
    }
}
