package dev.moravec.evaluation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * L2-regularised logistic regression, fitted with L-BFGS: the small learned layer that turns an
 * embedding into the probability of a positive label. The bias is not regularised.
 *
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticModel(double[] weights, double bias) {

    private static final int HISTORY = 10;
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-6;

    /**
     * The probability of a positive label.
     *
     * @param features the features
     * @return a probability in (0, 1)
     */
    public double probability(float[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return sigmoid(z);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * Fits a model.
     *
     * @param features one row of features per example
     * @param positive each example's label
     * @param lambda the L2 penalty (per example: the loss is the mean log loss plus {@code lambda/2 |w|^2})
     * @return the fitted model
     */
    public static LogisticModel fit(float[][] features, boolean[] positive, double lambda) {
        int n = features.length;
        int d = features[0].length;
        double[] w = new double[d + 1]; // the last entry is the bias
        double[] g = new double[d + 1];
        double loss = lossAndGradient(features, positive, lambda, w, g);
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] direction = direction(g, history);
            double step = 1.0;
            double[] next = new double[d + 1];
            double[] nextG = new double[d + 1];
            double slope = dot(direction, g);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                history.clear();
                direction = negate(g);
                slope = dot(direction, g);
            }
            double nextLoss;
            while (true) {
                for (int i = 0; i <= d; i++) {
                    next[i] = w[i] + step * direction[i];
                }
                nextLoss = lossAndGradient(features, positive, lambda, next, nextG);
                if (nextLoss <= loss + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double[] s = new double[d + 1];
            double[] y = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                s[i] = next[i] - w[i];
                y[i] = nextG[i] - g[i];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][] {s, y});
                if (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            double change = Math.abs(loss - nextLoss) / Math.max(1, Math.abs(loss));
            w = next;
            g = nextG;
            loss = nextLoss;
            if (change < TOLERANCE && iteration > 5) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(w, 0, weights, 0, d);
        return new LogisticModel(weights, w[d]);
    }

    private static double lossAndGradient(float[][] x, boolean[] y, double lambda, double[] w, double[] g) {
        int n = x.length;
        int d = w.length - 1;
        java.util.Arrays.fill(g, 0);
        double loss = 0;
        for (int r = 0; r < n; r++) {
            float[] row = x[r];
            double z = w[d];
            for (int i = 0; i < d; i++) {
                z += w[i] * row[i];
            }
            double p = sigmoid(z);
            double target = y[r] ? 1 : 0;
            loss += y[r] ? -Math.log(Math.max(p, 1e-15)) : -Math.log(Math.max(1 - p, 1e-15));
            double error = (p - target) / n;
            for (int i = 0; i < d; i++) {
                g[i] += error * row[i];
            }
            g[d] += error;
        }
        loss /= n;
        for (int i = 0; i < d; i++) {
            loss += lambda / 2 * w[i] * w[i];
            g[i] += lambda * w[i];
        }
        return loss;
    }

    // the L-BFGS two-loop recursion
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double rho = 1 / dot(pairs[k][1], pairs[k][0]);
            alpha[k] = rho * dot(pairs[k][0], q);
            axpy(-alpha[k], pairs[k][1], q);
        }
        if (m > 0) {
            double gamma = dot(pairs[m - 1][0], pairs[m - 1][1]) / dot(pairs[m - 1][1], pairs[m - 1][1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double rho = 1 / dot(pairs[k][1], pairs[k][0]);
            double beta = rho * dot(pairs[k][1], q);
            axpy(alpha[k] - beta, pairs[k][0], q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
