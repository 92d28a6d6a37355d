package dev.moravec.embeddings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Vectors cached on disk, keyed by a hash of the text and the model, so that a second run computes
 * none again. None of it lives on the heap, so the cache may grow to tens of millions of vectors while
 * the heap stays small; what is in use sits in the operating system's page cache.
 *
 * <p>Two files. The vectors file is append-only: a header naming the model and dimension, then records
 * of a 32-byte SHA-256 and the vector's floats; a record cut short by a crash is ignored and written
 * over. The index file, memory-mapped, is an open-addressing hash table from the first 8 bytes of a
 * hash to the record's number; a lookup reads one record and checks its whole hash. The index is
 * derived: when it is missing, damaged or behind the vectors file (a process killed between the two
 * writes), the missing records are indexed again from the vectors file. It doubles when half full, into
 * a new file that replaces the old one.
 *
 * <p>The cache is capped in size: when an append would take the vectors file past the cap, the older
 * vectors are dropped first, keeping the newest half of the cap (first in, first out), written to a new
 * file that replaces the old one, indexed anew. So anonymous requests to a server cannot fill the disk;
 * a dropped vector is computed again when asked for.
 *
 * <p>Appends are made under a file lock (on a lock file beside the cache, which no compaction replaces),
 * so several processes may share the cache: each indexes what the others appended before it appends, and
 * one that still reads a replaced vectors file or maps a replaced index opens the new one. Lookups take
 * no lock; one that races a compaction finds nothing, never a wrong vector (every record's hash is
 * checked). Thread-safe.
 */
public final class VectorCache implements AutoCloseable {

    private static final int MAGIC = 0x4d564543; // "MVEC"
    /** Written over the magic of a vectors file that a compaction replaced, so other processes reopen. */
    private static final int RETIRED_MAGIC = 0x4d565254; // "MVRT"
    private static final int INDEX_MAGIC = 0x4d564958; // "MVIX"
    private static final int INDEX_VERSION = 1;
    private static final int HASH = 32;
    private static final int SLOT = 16;
    private static final int INDEX_HEADER = 64;
    private static final int MIN_CAPACITY = 1 << 12;
    /** Slots one mapping can hold: a mapped buffer is indexed by int. */
    private static final long MAX_CAPACITY = 1L << 26;
    // index header: int magic, int version, long capacity, long count, long covered, int retired
    private static final int CAPACITY_AT = 8;
    private static final int COUNT_AT = 16;
    private static final int COVERED_AT = 24;
    private static final int RETIRED_AT = 32;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    private final Path indexFile;
    private final String model;
    private final int dimension;
    private final int recordSize;
    private final long maxBytes;
    private final FileChannel lockFile;
    private volatile FileChannel channel;
    private final ThreadLocal<ByteBuffer> recordBuffers;
    /** SHA-256 that has read the model id: each text's hash continues a clone of it. */
    private final MessageDigest digest;
    private volatile Table table;

    /** One mapping of the index file. */
    private static final class Table {
        final MappedByteBuffer buffer;
        final long capacity;
        final long mask;

        Table(MappedByteBuffer buffer, long capacity) {
            this.buffer = buffer;
            this.capacity = capacity;
            this.mask = capacity - 1;
        }

        static int at(long slot) {
            return (int) (INDEX_HEADER + slot * SLOT);
        }

        long key(long slot) {
            return (long) LONGS.getAcquire(buffer, at(slot));
        }

        long record(long slot) {
            return (long) LONGS.get(buffer, at(slot) + 8) - 1;
        }

        /** Fills an empty slot: the record first, then the key that makes the slot visible. */
        void set(long slot, long key, long record) {
            LONGS.set(buffer, at(slot) + 8, record + 1);
            LONGS.setRelease(buffer, at(slot), key);
        }

        long header(int at) {
            return (long) LONGS.getVolatile(buffer, at);
        }

        void header(int at, long value) {
            LONGS.setVolatile(buffer, at, value);
        }

        boolean retired() {
            return (int) INTS.getVolatile(buffer, RETIRED_AT) != 0;
        }

        long start(long key) {
            return (key ^ (key >>> 29)) & mask;
        }
    }

    /**
     * Opens (or creates) the cache of a model, without a cap.
     *
     * @param dir the cache folder
     * @param model the model's id
     * @param dimension the vectors' dimension
     * @throws IOException if the files cannot be read or created
     */
    public VectorCache(Path dir, String model, int dimension) throws IOException {
        this(dir, model, dimension, Long.MAX_VALUE);
    }

    /**
     * Opens (or creates) the cache of a model, capped in size.
     *
     * @param dir the cache folder
     * @param model the model's id
     * @param dimension the vectors' dimension
     * @param maxBytes the most bytes the vectors file may hold; past it the older vectors are dropped
     * @throws IOException if the files cannot be read or created
     */
    public VectorCache(Path dir, String model, int dimension, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        String name = "vectors-" + model.replaceAll("[^A-Za-z0-9._-]", "_");
        this.file = dir.resolve(name + ".bin");
        this.indexFile = dir.resolve(name + ".idx");
        this.model = model;
        this.dimension = dimension;
        this.recordSize = HASH + 4 * dimension;
        this.maxBytes = maxBytes;
        this.recordBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN));
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8)); // every hash starts with the model id
            digest.update((byte) 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        this.lockFile = FileChannel.open(dir.resolve(name + ".lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        boolean success = false;
        try (FileLock lock = lockFile.lock()) {
            this.channel = new RandomAccessFile(file.toFile(), "rw").getChannel();
            checkHeader();
            table = openIndex();
            catchUp();
            success = true;
        } finally {
            if (!success) {
                if (channel != null) {
                    channel.close();
                }
                lockFile.close();
            }
        }
    }

    private int headerSize() {
        return 4 + 4 + 2 + model.getBytes(StandardCharsets.UTF_8).length;
    }

    private void checkHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(headerSize()).order(ByteOrder.LITTLE_ENDIAN);
        if (channel.size() == 0) {
            byte[] name = model.getBytes(StandardCharsets.UTF_8);
            header.putInt(MAGIC).putInt(dimension).putShort((short) name.length).put(name).flip();
            channel.write(header, 0);
            return;
        }
        channel.read(header, 0);
        header.flip();
        if (header.remaining() < 10 || header.getInt() != MAGIC || header.getInt() != dimension) {
            throw new IOException(file + " is not a vector cache of model " + model + " (" + dimension
                    + " dimensions); delete it and it will be rebuilt");
        }
    }

    /** @return the whole records in the vectors file; a record cut short is not one */
    private long records() throws IOException {
        return Math.max(0, (channel.size() - headerSize()) / recordSize);
    }

    /** Maps the index file, or makes a new one when it is missing or not an index. Under the file lock. */
    private Table openIndex() throws IOException {
        if (Files.exists(indexFile)) {
            try (FileChannel index = FileChannel.open(indexFile, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                long size = index.size();
                if (size >= INDEX_HEADER) {
                    MappedByteBuffer buffer = index.map(FileChannel.MapMode.READ_WRITE, 0, size);
                    long capacity = (long) LONGS.get(buffer, CAPACITY_AT);
                    if ((int) INTS.get(buffer, 0) == INDEX_MAGIC && (int) INTS.get(buffer, 4) == INDEX_VERSION
                            && Long.bitCount(capacity) == 1 && size == INDEX_HEADER + capacity * SLOT
                            && (int) INTS.get(buffer, RETIRED_AT) == 0) {
                        return new Table(buffer, capacity);
                    }
                }
            }
        }
        return replaceIndex(null, false, capacityFor(records()));
    }

    private static long capacityFor(long entries) {
        long capacity = MIN_CAPACITY;
        while (capacity < 2 * entries) {
            capacity <<= 1;
        }
        return capacity;
    }

    /**
     * Writes a new index file, with the entries of the old table or empty, moves it over the index and
     * retires the old one, so other processes map the new file. Under the file lock.
     */
    private Table replaceIndex(Table old, boolean copy, long capacity) throws IOException {
        if (capacity > MAX_CAPACITY) {
            throw new IOException("the vector cache " + file + " holds more vectors than its index can map ("
                    + MAX_CAPACITY / 2 + "); move it away to start a new one");
        }
        Path temporary = indexFile.resolveSibling(indexFile.getFileName() + ".new");
        Table fresh;
        try (FileChannel index = FileChannel.open(temporary, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = index.map(FileChannel.MapMode.READ_WRITE, 0, INDEX_HEADER + capacity * SLOT);
            INTS.set(buffer, 0, INDEX_MAGIC);
            INTS.set(buffer, 4, INDEX_VERSION);
            LONGS.set(buffer, CAPACITY_AT, capacity);
            fresh = new Table(buffer, capacity);
        }
        long count = 0;
        if (copy) {
            for (long slot = 0; slot < old.capacity; slot++) {
                long key = old.key(slot);
                if (key != 0) {
                    insert(fresh, key, old.record(slot));
                    count++;
                }
            }
            fresh.header(COVERED_AT, old.header(COVERED_AT));
        }
        fresh.header(COUNT_AT, count);
        fresh.buffer.force();
        Files.move(temporary, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            INTS.setVolatile(old.buffer, RETIRED_AT, 1); // a process still mapping the old file maps the new one
        }
        return fresh;
    }

    private static void insert(Table table, long key, long record) {
        for (long slot = table.start(key); ; slot = (slot + 1) & table.mask) {
            if (table.key(slot) == 0) {
                table.set(slot, key, record);
                return;
            }
        }
    }

    /**
     * Opens the new files if another process replaced them (a compaction, a grown index), and indexes
     * records appended but not indexed.
     */
    private void catchUp() throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(magic, 0);
        if (magic.position() == 4 && magic.getInt(0) == RETIRED_MAGIC) {
            FileChannel old = channel;
            channel = new RandomAccessFile(file.toFile(), "rw").getChannel();
            old.close();
            table = openIndex();
        }
        if (table.retired()) {
            table = openIndex();
        }
        long records = records();
        long covered = table.header(COVERED_AT);
        if (covered > records) { // a crash cut the vectors file short: index what it holds anew
            table = replaceIndex(table, false, capacityFor(records));
            covered = 0;
        }
        if (covered >= records) {
            return;
        }
        ByteBuffer hashes = ByteBuffer.allocate(recordSize * 256);
        byte[] hash = new byte[HASH];
        for (long first = covered; first < records; first += 256) {
            int n = (int) Math.min(256, records - first);
            hashes.clear().limit(n * recordSize);
            long position = headerSize() + first * recordSize;
            while (hashes.hasRemaining() && channel.read(hashes, position + hashes.position()) >= 0) {
                // reads until the buffer is full
            }
            for (int i = 0; i < n; i++) {
                hashes.get(i * recordSize, hash);
                if (lookup(table, hash) == null) {
                    add(key(hash), first + i);
                }
            }
        }
        table.header(COVERED_AT, records);
    }

    /** Adds an entry, doubling the index first when it would be more than half full. Under the locks. */
    private void add(long key, long record) throws IOException {
        long count = table.header(COUNT_AT);
        if (2 * (count + 1) > table.capacity) {
            table = replaceIndex(table, true, table.capacity * 2);
        }
        insert(table, key, record);
        table.header(COUNT_AT, count + 1);
    }

    private static long key(byte[] hash) {
        long key = ByteBuffer.wrap(hash).getLong();
        return key == 0 ? 1 : key;
    }

    /** @return the vector a hash has in an index, or {@code null} when the index has none */
    private float[] lookup(Table in, byte[] hash) throws IOException {
        long key = key(hash);
        for (long slot = in.start(key), probes = 0; probes < in.capacity; slot = (slot + 1) & in.mask, probes++) {
            long found = in.key(slot);
            if (found == 0) {
                return null;
            }
            if (found == key) {
                long record = in.record(slot);
                float[] vector = record >= 0 ? read(record, hash) : null;
                if (vector != null) {
                    return vector;
                }
            }
        }
        return null;
    }

    /** Reads a record and returns its vector, or {@code null} when it is not there or has another hash. */
    private float[] read(long record, byte[] hash) throws IOException {
        ByteBuffer buffer = recordBuffers.get();
        buffer.clear();
        long position = headerSize() + record * recordSize;
        FileChannel vectors = channel;
        try {
            while (buffer.hasRemaining()) {
                if (vectors.read(buffer, position + buffer.position()) < 0) {
                    return null;
                }
            }
        } catch (java.nio.channels.ClosedChannelException e) {
            return null; // a compaction replaced the file meanwhile: not found, computed again
        }
        if (!Arrays.equals(buffer.array(), 0, HASH, hash, 0, HASH)) {
            return null;
        }
        float[] vector = new float[dimension];
        buffer.position(HASH);
        buffer.asFloatBuffer().get(vector);
        return vector;
    }

    /** @return the vectors file */
    public Path file() {
        return file;
    }

    /** @return the number of vectors cached */
    public long size() {
        return table.header(COUNT_AT);
    }

    /**
     * The hash a text is cached under.
     *
     * @param text the text
     * @return SHA-256 of the model id and the text
     */
    public byte[] hash(String text) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
        return sha.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A cached vector.
     *
     * @param hash the text's {@link #hash(String) hash}
     * @return the vector, or {@code null} when not cached
     * @throws IOException if the vectors file cannot be read
     */
    public float[] get(byte[] hash) throws IOException {
        return lookup(table, hash);
    }

    /**
     * Caches vectors: appends those not cached yet to the vectors file and indexes them.
     *
     * @param hashes the texts' hashes
     * @param values their vectors
     * @throws IOException if the files cannot be written
     */
    public synchronized void put(List<byte[]> hashes, List<float[]> values) throws IOException {
        try (FileLock lock = lockFile.lock()) {
            catchUp();
            if (headerSize() + (records() + hashes.size()) * (long) recordSize > maxBytes) {
                compact();
            }
            long records = records();
            ByteBuffer buffer = ByteBuffer.allocate(recordSize * hashes.size()).order(ByteOrder.LITTLE_ENDIAN);
            List<byte[]> added = new java.util.ArrayList<>(hashes.size());
            java.util.Set<ByteBuffer> seen = new java.util.HashSet<>();
            for (int i = 0; i < hashes.size(); i++) {
                byte[] hash = hashes.get(i);
                if (lookup(table, hash) != null || !seen.add(ByteBuffer.wrap(hash))) {
                    continue;
                }
                buffer.put(hash);
                for (float f : values.get(i)) {
                    buffer.putFloat(f);
                }
                added.add(hash);
            }
            if (added.isEmpty()) {
                return;
            }
            buffer.flip();
            long position = headerSize() + records * recordSize; // over a record a crash cut short
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            for (int i = 0; i < added.size(); i++) {
                add(key(added.get(i)), records + i);
            }
            table.header(COVERED_AT, records + added.size());
        }
    }

    /**
     * Drops the older vectors, keeping the newest half of the cap: writes them to a new file that
     * replaces the vectors file, marks the old one retired for the processes still reading it, and
     * indexes the new one anew. Under the locks.
     */
    private void compact() throws IOException {
        long records = records();
        long keep = Math.max(0, Math.min(records, (maxBytes / 2 - headerSize()) / recordSize));
        Path temporary = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(temporary, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(headerSize());
            channel.read(header, 0);
            header.flip();
            out.write(header); // at the channel's position, where transferTo goes on
            long from = headerSize() + (records - keep) * recordSize;
            long length = keep * recordSize;
            for (long done = 0; done < length; ) {
                done += channel.transferTo(from + done, length - done, out);
            }
        }
        FileChannel old = channel;
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = new RandomAccessFile(file.toFile(), "rw").getChannel();
        ByteBuffer retired = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(RETIRED_MAGIC).flip();
        old.write(retired, 0); // a process still reading the old file opens the new one before it appends
        old.close();
        table = replaceIndex(table, false, capacityFor(keep));
        catchUp();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            channel.close();
        } finally {
            lockFile.close();
        }
    }
}
