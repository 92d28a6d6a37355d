package dev.moravec.spark.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The name of the input file a row came from, as messages and the rejects file show it: a local file by
 * its path, anything else (HDFS, S3) by its URI. Remembers the last one, since a partition's rows mostly
 * come from one file. Not thread-safe.
 */
final class SourceNames {

    private String lastUri;
    private String lastName;

    /**
     * @param uri the file's URI as Spark gives it ({@code _metadata.file_path})
     * @return its name
     */
    String name(String uri) {
        if (uri == null) {
            return "?";
        }
        if (!uri.equals(lastUri)) {
            lastUri = uri;
            lastName = display(uri);
        }
        return lastName;
    }

    private static String display(String uri) {
        try {
            URI parsed = new URI(uri);
            return "file".equals(parsed.getScheme()) ? parsed.getPath() : uri;
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
