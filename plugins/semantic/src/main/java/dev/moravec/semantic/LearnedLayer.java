package dev.moravec.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Embedder;
import java.io.IOException;

/**
 * The semantic scorer's learned layer: a logistic regression from an embedding to the probability of
 * a positive reference label, written by {@code moravec train semantic}. For the exposure labels it
 * stands for transferability only; it never touches verification cost. Immutable.
 *
 * @param weights one weight per dimension
 * @param bias the intercept
 * @param summary what it was trained on and how well it did, for evidence
 */
record LearnedLayer(float[] weights, double bias, String summary) {

    /**
     * Reads a model file.
     *
     * @param json its bytes
     * @param source its name, for messages
     * @param embedder the embedder whose vectors it must take
     * @return the layer
     * @throws IOException if the file is not a model for this embedder
     */
    static LearnedLayer read(byte[] json, String source, Embedder embedder) throws IOException {
        JsonNode node = new ObjectMapper().readTree(json);
        if (node == null || !"moravec-exposure-model".equals(node.path("kind").asText())) {
            throw new IOException(source + " is not a model written by 'moravec train semantic'");
        }
        if (!embedder.modelId().equals(node.path("model").asText()) || embedder.dimension() != node.path("dimension").asInt()) {
            throw new IOException(source + " was trained on " + node.path("model").asText() + " vectors, not on the host's "
                    + embedder.modelId() + "; train it again with 'moravec train semantic'");
        }
        JsonNode weights = node.path("weights");
        if (weights.size() != embedder.dimension()) {
            throw new IOException(source + " has " + weights.size() + " weights for " + embedder.dimension() + " dimensions");
        }
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) weights.get(i).asDouble();
        }
        String summary = "trained on " + node.path("trainedOn").path("labels").asText("labels") + ", grouped CV AUC "
                + node.path("crossValidated").path("auc").asText("?");
        return new LearnedLayer(w, node.path("bias").asDouble(), summary);
    }

    /**
     * The probability of a positive label.
     *
     * @param vector a unit vector of the embedder the layer was trained on
     * @return a probability in (0, 1)
     */
    double probability(float[] vector) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * vector[i];
        }
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
