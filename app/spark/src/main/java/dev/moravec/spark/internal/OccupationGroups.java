package dev.moravec.spark.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.OccupationEmployment;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where each occupation code of a catalog sits in the SOC hierarchy, computed on the driver (a catalog
 * names a few thousand occupations at most) and joined in Spark: the O*NET-SOC occupation it stands for,
 * its group at every level, its share of employment where an employment file is given; and the titles of
 * the groups (SOC's major and minor groups, and the employment file's).
 */
final class OccupationGroups {

    /** The levels from the occupation up, as the columns of {@link #table} name them. */
    static final List<SocLevel> LEVELS = List.of(SocLevel.OCCUPATION, SocLevel.DETAILED, SocLevel.BROAD,
            SocLevel.MINOR, SocLevel.MAJOR);

    private OccupationGroups() {}

    /**
     * @param spark the session
     * @param codes the occupation codes the catalog's records give
     * @param employmentFile a BLS OEWS national file, or {@code null} to weight families equally
     * @return the table: {@code code}, one column per level's label, {@code employment}
     * @throws BadInputException if the employment file is wrong
     * @throws IOException if it cannot be read
     */
    static Groups of(SparkSession spark, List<String> codes, Path employmentFile) throws BadInputException, IOException {
        SocHierarchy hierarchy = SocHierarchy.builtIn();
        TreeSet<String> occupations = new TreeSet<>();
        for (String code : codes) {
            occupations.add(hierarchy.groupOf(code, SocLevel.OCCUPATION));
        }
        Map<String, Double> employment = Map.of();
        if (employmentFile != null) {
            OccupationEmployment read = OccupationEmployment.read(employmentFile, occupations, hierarchy);
            employment = read.byOccupation();
            hierarchy = hierarchy.withTitles(read.titles());
        }
        StructType schema = new StructType().add("code", DataTypes.StringType, false);
        for (SocLevel level : LEVELS) {
            schema = schema.add(level.label(), DataTypes.StringType, false);
        }
        schema = schema.add("employment", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (String code : codes) {
            Object[] values = new Object[LEVELS.size() + 2];
            values[0] = code;
            for (int i = 0; i < LEVELS.size(); i++) {
                values[i + 1] = hierarchy.groupOf(code, LEVELS.get(i));
            }
            values[LEVELS.size() + 1] = employment.get((String) values[1]);
            rows.add(RowFactory.create(values));
        }
        Map<String, String> titles = new TreeMap<>(hierarchy.titles());
        List<Row> titleRows = new ArrayList<>();
        titles.forEach((code, title) -> titleRows.add(RowFactory.create(code, title)));
        StructType titleSchema = new StructType().add("code", DataTypes.StringType, false)
                .add("title", DataTypes.StringType);
        return new Groups(spark.createDataFrame(rows, schema), spark.createDataFrame(titleRows, titleSchema),
                employmentFile != null);
    }

    /**
     * The tables.
     *
     * @param groups each catalog code's groups and employment
     * @param titles group titles by code
     * @param byEmployment whether an employment file was given
     */
    record Groups(Dataset<Row> groups, Dataset<Row> titles, boolean byEmployment) {}
}
