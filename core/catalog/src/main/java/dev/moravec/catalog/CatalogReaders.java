package dev.moravec.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.internal.CountingInputStream;
import dev.moravec.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Opens catalogs: a file or standard input ({@code -}), gzip-compressed or not (recognised by its
 * content), in the format given or else the one its name or first line shows. Text is read as UTF-8,
 * or as UTF-16 or UTF-32 where a byte order mark says so ({@link TextInput}); a UTF-8 byte order mark
 * is skipped.
 */
public final class CatalogReaders {

    private final ObjectMapper mapper;
    private final InputStream stdin;
    private final OccupationCodes codes;

    /**
     * Readers whose {@code -} is {@link System#in}.
     *
     * @param mapper the mapper JSON catalogs are read with
     */
    public CatalogReaders(ObjectMapper mapper) {
        this(mapper, System.in);
    }

    /**
     * @param mapper the mapper JSON catalogs are read with
     * @param stdin what {@code -} reads
     */
    public CatalogReaders(ObjectMapper mapper, InputStream stdin) {
        this(mapper, stdin, null);
    }

    /**
     * Readers that map the catalogs' occupation codes from another classification.
     *
     * @param mapper the mapper JSON catalogs are read with
     * @param stdin what {@code -} reads
     * @param codes maps the occupation codes to O*NET-SOC, or {@code null} to read them as O*NET-SOC or SOC codes
     */
    public CatalogReaders(ObjectMapper mapper, InputStream stdin, OccupationCodes codes) {
        this.mapper = mapper;
        this.stdin = stdin;
        this.codes = codes;
    }

    /**
     * Opens a catalog file, or standard input for {@code -}.
     *
     * @param location a file path, or {@code -}
     * @param format the format, or empty to recognise it
     * @return a reader positioned at the first record; the caller closes it
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file does not exist, or has no header or no statement column
     */
    public CatalogReader open(String location, Optional<CatalogFormat> format) throws IOException, BadInputException {
        return open(CatalogSource.of(location, stdin), format);
    }

    /**
     * Opens a catalog.
     *
     * @param source where the bytes come from
     * @param format the format, or empty to recognise it
     * @return a reader positioned at the first record; the caller closes it
     * @throws IOException if the source cannot be read
     * @throws BadInputException if the source does not exist, or has no header or no statement column
     */
    public CatalogReader open(CatalogSource source, Optional<CatalogFormat> format) throws IOException, BadInputException {
        InputStream raw;
        try {
            raw = source.opener().open();
        } catch (NoSuchFileException e) {
            throw new BadInputException(e.getFile() + " does not exist: check the path");
        } catch (FileSystemException e) {
            throw new BadInputException(e.getFile() + " " + (e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "cannot be read: check its permissions"
                    : "cannot be opened"), e);
        }
        boolean success = false;
        try {
            CatalogReader reader = open(source.name(), raw, format);
            success = true;
            return reader;
        } finally {
            if (!success) {
                raw.close();
            }
        }
    }

    /**
     * Opens a catalog from a stream.
     *
     * @param name the input's name, used in messages and in the format's recognition
     * @param raw the bytes; the reader owns the stream and closes it
     * @param format the format, or empty to recognise it
     * @return the reader
     * @throws IOException if the stream cannot be read
     * @throws BadInputException if the catalog has no header or no statement column
     */
    public CatalogReader open(String name, InputStream raw, Optional<CatalogFormat> format)
            throws IOException, BadInputException {
        CountingInputStream counter = new CountingInputStream(raw);
        InputStream in;
        try {
            in = TextInput.open(counter);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
        CatalogFormat chosen = format.or(() -> CatalogFormat.fromFileName(name)).orElse(null);
        if (chosen == null) {
            chosen = CatalogFormat.sniff(TextInput.firstLine(in));
        } else if (chosen == CatalogFormat.JSONL && TextInput.firstLine(in).strip().startsWith("[")) {
            chosen = CatalogFormat.JSON;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        return switch (chosen) {
            case TSV, CSV -> new TabularCatalogReader(name, reader, counter, chosen, codes);
            case JSONL -> JsonCatalogReader.jsonLines(name, mapper, counter, reader, codes);
            case JSON -> JsonCatalogReader.jsonArray(name, mapper, counter, reader, codes);
        };
    }
}
