package dev.moravec.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Moravec.class.getPackage().getImplementationVersion();
        return new String[] {"moravec " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
