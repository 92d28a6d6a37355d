package dev.moravec.api;

import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns text into a vector that places texts of similar meaning close together. The host offers one
 * as an OSGi service, so a scorer references it instead of loading a model of its own (native model
 * runtimes cannot be loaded by two class loaders). Vectors have unit length, so the dot product of
 * two is their cosine similarity. Implementations are thread-safe and cache what they computed.
 *
 * @since 1.1.0
 */
@ProviderType
public interface Embedder {

    /**
     * The model's identity; vectors of different models cannot be compared.
     *
     * @return for example {@code all-minilm-l6-v2-q}
     */
    String modelId();

    /**
     * The length of every vector.
     *
     * @return the dimension, such as 384
     */
    int dimension();

    /**
     * Embeds one text.
     *
     * @param text the text
     * @return its unit-length vector, in a new array the caller owns: it may keep or change it without
     *     changing what this or any other call returns
     */
    float[] embed(String text);

    /**
     * Embeds several texts, faster than one by one where the model batches.
     *
     * @param texts the texts
     * @return one vector per text, in order, each in a new array the caller owns as with {@link #embed}; a
     *     text given twice gets two arrays
     */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }
}
