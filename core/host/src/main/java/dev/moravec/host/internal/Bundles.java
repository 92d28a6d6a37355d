package dev.moravec.host.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/** How the host names and tells apart bundles, the same way in every report. */
public final class Bundles {

    private Bundles() {}

    /**
     * A bundle as the host reports it.
     *
     * @param bundle the bundle
     * @return its symbolic name and version, such as {@code test.steady 1.0.0}
     */
    public static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /**
     * Whether a bundle is a fragment, which is never started and registers nothing of its own.
     *
     * @param bundle the bundle
     * @return true for a fragment
     */
    public static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /**
     * The name of a bundle's state.
     *
     * @param bundle the bundle
     * @return {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING}, {@code STOPPING} or
     *     {@code UNINSTALLED}
     */
    public static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
