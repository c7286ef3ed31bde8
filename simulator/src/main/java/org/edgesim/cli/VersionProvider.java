package org.edgesim.cli;

import org.edgesim.report.BuildInfo;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"edgesim " + BuildInfo.version(), "Java " + System.getProperty("java.version")};
    }
}
