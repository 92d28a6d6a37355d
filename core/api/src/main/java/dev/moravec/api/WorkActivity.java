package dev.moravec.api;

/**
 * A detailed work activity (DWA) O*NET links a task to, with the intermediate (IWA) and generalized
 * (GWA) work activities above it.
 *
 * @param dwaId the DWA's id, such as {@code 4.A.2.a.4.I09.D03}
 * @param dwaTitle its title
 * @param iwaId the IWA's id, or {@code null} when unknown
 * @param iwaTitle its title, or {@code null}
 * @param gwaId the GWA's content model element id, such as {@code 4.A.2.a.4}, or {@code null}
 * @param gwaTitle its title, such as "Analyzing Data or Information", or {@code null}
 * @since 1.1.0
 */
public record WorkActivity(String dwaId, String dwaTitle, String iwaId, String iwaTitle, String gwaId,
        String gwaTitle) {}
