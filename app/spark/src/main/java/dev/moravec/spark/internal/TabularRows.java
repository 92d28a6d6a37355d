package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.TabularLayout;
import dev.moravec.model.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows of a CSV or TSV catalog read by Spark's CSV reader: one column per header name, then the row Spark
 * could not split (its corrupt-record column), then the file. A row Spark could not split is split again as
 * {@code classify} splits it, so it gets {@code classify}'s record or rejection.
 */
final class TabularRows implements RowParser {

    private static final long serialVersionUID = 1L;

    private final List<String> header;
    private final CatalogFormat format;
    private transient TabularLayout layout;
    private transient SourceNames sources;

    /**
     * @param header the header's names, as checked on the driver
     * @param format CSV or TSV
     */
    TabularRows(List<String> header, CatalogFormat format) {
        this.header = List.copyOf(header);
        this.format = format;
    }

    @Override
    public CatalogEntry parse(Row row, ObjectMapper mapper) {
        if (layout == null) {
            try {
                layout = TabularLayout.recognise("the header", header, format);
            } catch (BadInputException e) {
                throw new IllegalStateException("the driver accepted a header the executor refuses: " + e.getMessage(), e);
            }
            sources = new SourceNames();
        }
        int columns = header.size();
        String source = sources.name(row.getString(columns + 1));
        String unsplit = row.getString(columns);
        if (unsplit != null) {
            return layout.entryOfText(source, 0, unsplit);
        }
        List<String> values = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            values.add(row.getString(i));
        }
        return layout.entry(source, 0, values);
    }
}
