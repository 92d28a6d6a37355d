package dev.moravec.taxonomy.index.internal;

import static dev.moravec.taxonomy.index.internal.IndexFields.*;

import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.CrosswalkLayout;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import dev.moravec.taxonomy.sources.crosswalk.IscoMajorGroups;
import dev.moravec.taxonomy.sources.industry.IndustryEmployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The documents of what an import adds beside the release: one per crosswalk (its links and losses as
 * JSON), one for the ESCO classification, one for industry employment; and, made from them, one
 * searchable {@code group} document per code of another classification (an ESCO occupation with its
 * labels, an ISCO-08 group, a SOC 2010 occupation), so that {@code search --occupations --classification}
 * finds them by their titles.
 */
public final class SupplementDocuments {

    /** The kinds of documents stored as they were read. */
    private static final List<String> STORED = List.of("crosswalk", "esco", "industry");

    private final Codec codec;

    /**
     * @param codec the JSON codec
     */
    public SupplementDocuments(Codec codec) {
        this.codec = codec;
    }

    /**
     * Reads what the index holds.
     *
     * @param searcher the searcher of one commit
     * @return its crosswalks, ESCO classification and industry employment; {@link Supplements#NONE} when none
     * @throws IOException if the index cannot be read
     */
    public Supplements read(IndexSearcher searcher) throws IOException {
        List<Crosswalk> crosswalks = new ArrayList<>();
        EscoClassification esco = null;
        IndustryEmployment industry = null;
        StoredFields fields = searcher.storedFields();
        for (String kind : STORED) {
            TopDocs docs = searcher.search(new TermQuery(new Term(KIND, kind)), Integer.MAX_VALUE);
            for (ScoreDoc hit : docs.scoreDocs) {
                String json = IndexFields.stored(fields.document(hit.doc), SOURCE);
                switch (kind) {
                    case "crosswalk" -> crosswalks.add(codec.mapper().convertValue(codec.read(json), Crosswalk.class));
                    case "esco" -> esco = codec.mapper().convertValue(codec.read(json), EscoClassification.class);
                    default -> industry = codec.mapper().convertValue(codec.read(json), IndustryEmployment.class);
                }
            }
        }
        crosswalks.sort(Comparator.comparing(Crosswalk::layout));
        return new Supplements(crosswalks, esco, industry);
    }

    /**
     * What the index will hold after an import: what it held, each part replaced by the import's part of the
     * same kind (a crosswalk by one of the same layout).
     *
     * @param held what the index holds
     * @param added what the import adds
     * @return the merged supplements
     */
    public static Supplements merge(Supplements held, Supplements added) {
        Map<CrosswalkLayout, Crosswalk> crosswalks = new TreeMap<>();
        held.crosswalks().forEach(c -> crosswalks.put(c.layout(), c));
        added.crosswalks().forEach(c -> crosswalks.put(c.layout(), c));
        return new Supplements(new ArrayList<>(crosswalks.values()), added.esco() != null ? added.esco() : held.esco(),
                added.industry() != null ? added.industry() : held.industry());
    }

    /**
     * Replaces the supplement documents with these.
     *
     * @param writer the writer of the import's commit
     * @param supplements what the index is to hold
     * @throws IOException if writing fails
     */
    public void write(IndexWriter writer, Supplements supplements) throws IOException {
        for (String kind : List.of("crosswalk", "esco", "industry", "group")) {
            writer.deleteDocuments(new Term(KIND, kind));
        }
        for (Crosswalk crosswalk : supplements.crosswalks()) {
            writer.addDocument(stored("crosswalk", "crosswalk:" + crosswalk.layout().name(), crosswalk));
        }
        if (supplements.esco() != null) {
            writer.addDocument(stored("esco", "esco", supplements.esco()));
        }
        if (supplements.industry() != null) {
            writer.addDocument(stored("industry", "industry", supplements.industry()));
        }
        for (Document group : groups(supplements)) {
            writer.addDocument(group);
        }
    }

    private Document stored(String kind, String key, Object value) {
        Document doc = new Document();
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new StoredField(SOURCE, codec.write(codec.mapper().valueToTree(value))));
        return doc;
    }

    /** The searchable codes of the other classifications the supplements name. */
    private static List<Document> groups(Supplements supplements) {
        List<Document> docs = new ArrayList<>();
        Map<String, String> isco = new TreeMap<>(IscoMajorGroups.TITLES);
        Map<String, String> soc2010 = new TreeMap<>();
        Map<String, String> escoFromCrosswalk = new TreeMap<>();
        for (Crosswalk crosswalk : supplements.crosswalks()) {
            collect(crosswalk.from(), crosswalk.fromTitles(), isco, soc2010, escoFromCrosswalk);
            collect(crosswalk.to(), crosswalk.toTitles(), isco, soc2010, escoFromCrosswalk);
        }
        EscoClassification esco = supplements.esco();
        if (esco != null) {
            for (EscoClassification.Group group : esco.groups()) {
                isco.remove(group.code());
                docs.add(group(Classification.ISCO_08, group.code(), group.label(), group.alternativeLabels(),
                        group.description(), null));
            }
            for (EscoClassification.Occupation occupation : esco.occupations()) {
                docs.add(group(Classification.ESCO, occupation.code(), occupation.label(), occupation.alternativeLabels(),
                        occupation.description(), occupation.uri()));
            }
        } else {
            escoFromCrosswalk.forEach((code, title) -> docs.add(group(Classification.ESCO, code, title, List.of(), null, null)));
        }
        isco.forEach((code, title) -> docs.add(group(Classification.ISCO_08, code, title, List.of(), null, null)));
        soc2010.forEach((code, title) -> docs.add(group(Classification.SOC_2010, code, title, List.of(), null, null)));
        return docs;
    }

    private static void collect(Classification classification, Map<String, String> titles, Map<String, String> isco,
            Map<String, String> soc2010, Map<String, String> esco) {
        titles.forEach((code, title) -> {
            switch (classification) {
                case ISCO_08 -> isco.putIfAbsent(code, title);
                case SOC_2010 -> soc2010.putIfAbsent(code, title);
                case ESCO -> {
                    if (Classification.ESCO.isCode(code)) {
                        esco.putIfAbsent(code, title);
                    } else {
                        isco.putIfAbsent(code, title);
                    }
                }
                default -> { }
            }
        });
    }

    private static Document group(Classification classification, String code, String title, List<String> alternatives,
            String description, String uri) {
        Document doc = new Document();
        doc.add(new StringField(KIND, "group", Field.Store.NO));
        doc.add(new StringField(KEY, groupKey(classification, code), Field.Store.NO));
        doc.add(new StringField(CLASSIFICATION, classification.label(), Field.Store.YES));
        doc.add(new StringField(CODE, code, Field.Store.YES));
        doc.add(new TextField(TITLE, title == null ? "" : title, Field.Store.YES));
        for (String alternative : alternatives) {
            doc.add(new TextField(ALTERNATE_TITLES, alternative, Field.Store.YES));
        }
        if (description != null) {
            doc.add(new TextField(DESCRIPTION, description, Field.Store.YES));
        }
        if (uri != null) {
            doc.add(new StringField(URI, uri, Field.Store.YES));
        }
        return doc;
    }

    /**
     * The key of a group's document.
     *
     * @param classification its classification
     * @param code its code
     * @return the key
     */
    public static String groupKey(Classification classification, String code) {
        return "group:" + classification.label() + ":" + code;
    }
}
