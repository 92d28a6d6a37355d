package dev.moravec.embeddings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Vectors cached on disk, keyed by a hash of the text and the model, so that a second run computes
 * none again. The file is append-only: a header naming the model and dimension, then records of a
 * 32-byte SHA-256 and the vector's floats. Appends are made under a file lock, so several processes
 * may share the cache; a record cut short by a crash is ignored. The index (hash to vector) is held in
 * memory. Thread-safe.
 */
public final class VectorCache implements AutoCloseable {

    private static final int MAGIC = 0x4d564543; // "MVEC"
    private static final int HASH = 32;

    private final Path file;
    private final String model;
    private final int dimension;
    private final int recordSize;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final FileChannel channel;

    private record Key(long a, long b, long c, long d) {
        static Key of(byte[] hash) {
            ByteBuffer buffer = ByteBuffer.wrap(hash);
            return new Key(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
        }
    }

    /**
     * Opens (or creates) the cache of a model.
     *
     * @param dir the cache folder
     * @param model the model's id
     * @param dimension the vectors' dimension
     * @throws IOException if the file cannot be read or created
     */
    public VectorCache(Path dir, String model, int dimension) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("vectors-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        this.model = model;
        this.dimension = dimension;
        this.recordSize = HASH + 4 * dimension;
        this.channel = new RandomAccessFile(file.toFile(), "rw").getChannel();
        boolean success = false;
        try {
            load();
            success = true;
        } finally {
            if (!success) {
                channel.close();
            }
        }
    }

    private int headerSize() {
        return 4 + 4 + 2 + model.getBytes(StandardCharsets.UTF_8).length;
    }

    private void load() throws IOException {
        try (FileLock lock = channel.lock()) {
            if (channel.size() == 0) {
                ByteBuffer header = ByteBuffer.allocate(headerSize()).order(ByteOrder.LITTLE_ENDIAN);
                byte[] name = model.getBytes(StandardCharsets.UTF_8);
                header.putInt(MAGIC).putInt(dimension).putShort((short) name.length).put(name).flip();
                channel.write(header, 0);
                return;
            }
            ByteBuffer header = ByteBuffer.allocate(headerSize()).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            header.flip();
            if (header.remaining() < 10 || header.getInt() != MAGIC || header.getInt() != dimension) {
                throw new IOException(file + " is not a vector cache of model " + model + " (" + dimension
                        + " dimensions); delete it and it will be rebuilt");
            }
            long records = (channel.size() - headerSize()) / recordSize; // a record cut short is ignored
            ByteBuffer buffer = ByteBuffer.allocate(recordSize * 256).order(ByteOrder.LITTLE_ENDIAN);
            long position = headerSize();
            long read = 0;
            while (read < records) {
                buffer.clear();
                int n = (int) Math.min(256, records - read);
                buffer.limit(n * recordSize);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        break;
                    }
                }
                buffer.flip();
                for (int i = 0; i < n; i++) {
                    byte[] hash = new byte[HASH];
                    buffer.get(hash);
                    float[] vector = new float[dimension];
                    buffer.asFloatBuffer().get(vector);
                    buffer.position(buffer.position() + 4 * dimension);
                    vectors.put(Key.of(hash), vector);
                }
                position += (long) n * recordSize;
                read += n;
            }
        }
    }

    /** @return the cache file */
    public Path file() {
        return file;
    }

    /** @return the number of vectors cached */
    public synchronized int size() {
        return vectors.size();
    }

    /**
     * The hash a text is cached under.
     *
     * @param text the text
     * @return SHA-256 of the model id and the text
     */
    public byte[] hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * A cached vector.
     *
     * @param hash the text's {@link #hash(String) hash}
     * @return the vector, or {@code null} when not cached
     */
    public synchronized float[] get(byte[] hash) {
        return vectors.get(Key.of(hash));
    }

    /**
     * Caches vectors and appends them to the file.
     *
     * @param hashes the texts' hashes
     * @param values their vectors
     * @throws IOException if the file cannot be written
     */
    public synchronized void put(java.util.List<byte[]> hashes, java.util.List<float[]> values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(recordSize * hashes.size()).order(ByteOrder.LITTLE_ENDIAN);
        int added = 0;
        for (int i = 0; i < hashes.size(); i++) {
            Key key = Key.of(hashes.get(i));
            if (vectors.putIfAbsent(key, values.get(i)) != null) {
                continue;
            }
            buffer.put(hashes.get(i));
            for (float f : values.get(i)) {
                buffer.putFloat(f);
            }
            added++;
        }
        if (added == 0) {
            return;
        }
        buffer.flip();
        try (FileLock lock = channel.lock()) {
            long end = channel.size();
            long aligned = headerSize() + (end - headerSize()) / recordSize * recordSize;
            long position = aligned; // overwrite a record another writer cut short
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
