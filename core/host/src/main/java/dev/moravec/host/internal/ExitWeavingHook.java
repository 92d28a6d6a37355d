package dev.moravec.host.internal;

import java.util.Set;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * The weaving hook that defuses {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in
 * plugin classes as they load ({@link ExitCalls#rewrite}), so a plugin's call fails instead of ending
 * the host. The framework's own runtime bundles are left as they are.
 */
final class ExitWeavingHook implements WeavingHook {

    private final Set<Long> runtimeBundles;

    /**
     * @param runtimeBundles the ids of the bundles not to weave: the system bundle and the runtime bundles
     */
    ExitWeavingHook(Set<Long> runtimeBundles) {
        this.runtimeBundles = Set.copyOf(runtimeBundles);
    }

    @Override
    public void weave(WovenClass wovenClass) {
        if (runtimeBundles.contains(wovenClass.getBundleWiring().getBundle().getBundleId())) {
            return;
        }
        byte[] rewritten = ExitCalls.rewrite(wovenClass.getBytes());
        if (rewritten != null) {
            wovenClass.setBytes(rewritten);
            wovenClass.getDynamicImports().add(ExitCalls.GUARD_PACKAGE);
        }
    }
}
