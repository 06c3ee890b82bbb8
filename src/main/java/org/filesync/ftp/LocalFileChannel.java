package org.filesync.ftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * The local file of one transfer, whose every failure is a {@link LocalFileException} naming it. The
 * bytes of a transfer pass between this channel and the data connection in the same loop, so this is
 * what tells a full disk from a lost connection: both are plain IOExceptions otherwise.
 */
final class LocalFileChannel extends FileChannel {

    /** A local I/O operation on the file. */
    private interface Operation<T> {
        T run() throws IOException;
    }

    private final Path path;
    private final FileChannel file;

    private LocalFileChannel(Path path, FileChannel file) {
        this.path = path;
        this.file = file;
    }

    static LocalFileChannel of(Path path, OpenOption... options) throws LocalFileException {
        try {
            return new LocalFileChannel(path, FileChannel.open(path, options));
        } catch (IOException e) {
            throw new LocalFileException(path, e);
        }
    }

    private <T> T local(Operation<T> operation) throws LocalFileException {
        try {
            return operation.run();
        } catch (LocalFileException e) {
            throw e;
        } catch (IOException e) {
            throw new LocalFileException(path, e);
        }
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return local(() -> file.read(destination));
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        return local(() -> file.read(destinations, offset, length));
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        return local(() -> file.read(destination, position));
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return local(() -> file.write(source));
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
        return local(() -> file.write(sources, offset, length));
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        return local(() -> file.write(source, position));
    }

    @Override
    public long position() throws IOException {
        return local(file::position);
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        local(() -> file.position(newPosition));
        return this;
    }

    @Override
    public long size() throws IOException {
        return local(file::size);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        local(() -> file.truncate(size));
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        local(() -> {
            file.force(metaData);
            return null;
        });
    }

    /** Unsupported: a failure of the other channel would pass for the file's. */
    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("transferTo would mix the other channel's failures with the file's");
    }

    /** Unsupported: a failure of the other channel would pass for the file's. */
    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) {
        throw new UnsupportedOperationException("transferFrom would mix the other channel's failures with the file's");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return local(() -> file.map(mode, position, size));
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return local(() -> file.lock(position, size, shared));
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return local(() -> file.tryLock(position, size, shared));
    }

    @Override
    protected void implCloseChannel() throws IOException {
        local(() -> {
            file.close();
            return null;
        });
    }
}
