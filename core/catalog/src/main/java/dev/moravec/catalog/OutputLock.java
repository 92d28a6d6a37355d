package dev.moravec.catalog;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file locked for one run, so that a second run writing the same file at the same time is
 * refused ({@link OutputLockedException}) instead of mixing its records into the first one's. The lock
 * is the operating system's advisory lock on the file itself, held until the run closes the lock; a
 * process that dies drops it. The file is emptied only once the lock is held, so a refused run leaves
 * the other's file as it is.
 *
 * <p>On Linux such a lock is the process's, and closing any other stream this process opened on the
 * file drops it: a run that reads the file while holding the lock (to resume it) {@link #reassert()}s
 * the lock afterwards. Not thread-safe.
 */
public final class OutputLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a file for writing, creating it (and its folder) when missing; its content is left as it is.
     *
     * @param file the output file
     * @return the lock; close it when the run ends
     * @throws OutputLockedException if another run holds the file's lock
     * @throws OutputFailedException if the file cannot be created or opened
     */
    public static OutputLock acquire(Path file) throws OutputFailedException {
        FileChannel channel;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputFailedException(file.toString(), e);
        }
        boolean locked = false;
        try {
            OutputLock lock = new OutputLock(file, channel, tryLock(file, channel));
            locked = true;
            return lock;
        } finally {
            if (!locked) {
                closeQuietly(channel);
            }
        }
    }

    private static FileLock tryLock(Path file, FileChannel channel) throws OutputFailedException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process writes the file already
        } catch (IOException e) {
            throw new OutputFailedException(file.toString(), e);
        }
        if (lock == null) {
            throw new OutputLockedException(file.toString());
        }
        return lock;
    }

    /**
     * Takes the lock again after this process closed another stream on the file (which drops it on
     * Linux), as reading the file to resume does.
     *
     * @throws OutputLockedException if another run took the file meanwhile
     * @throws OutputFailedException if the lock cannot be taken
     */
    public void reassert() throws OutputFailedException {
        try {
            lock.release();
        } catch (IOException e) {
            throw new OutputFailedException(file.toString(), e);
        }
        lock = tryLock(file, channel);
    }

    /**
     * Opens the locked file for writing. The stream is a {@link FileOutputStream}, not a channel, so that
     * an interrupt cannot close it in the middle of a batch.
     *
     * @param append whether to add to what the file holds; else it is emptied first
     * @return the stream, buffered and naming the file in its failures; closing it releases the lock
     * @throws OutputFailedException if the file cannot be emptied or opened
     */
    public OutputStream open(boolean append) throws OutputFailedException {
        try {
            if (!append) {
                channel.truncate(0);
            }
            OutputStream out = new FileOutputStream(file.toFile(), true);
            return new NamedOutputStream(new java.io.BufferedOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        OutputLock.this.close();
                    }
                }
            }, 1 << 16), file.toString());
        } catch (IOException e) {
            throw new OutputFailedException(file.toString(), e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        closeQuietly(channel); // closing the channel releases its lock
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, or with the process: nothing left to do
        }
    }
}
