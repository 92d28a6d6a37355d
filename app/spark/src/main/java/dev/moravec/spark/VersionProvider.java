package dev.moravec.spark;

import picocli.CommandLine.IVersionProvider;

/** The version {@code --version} prints: Moravec's, from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"moravec spark " + (version == null ? "(development build)" : version)};
    }
}
