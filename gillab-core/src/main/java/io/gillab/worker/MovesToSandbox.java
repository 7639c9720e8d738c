package io.gillab.worker;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * A polyglot file system as given, but {@code move} done by the sandbox itself (see
 * {@link SandboxFileSystem#create(java.util.List, java.util.List, Path)}); every other call is passed on.
 */
final class MovesToSandbox implements FileSystem {
    private final FileSystem d;
    private final SandboxFileSystem sandbox;

    MovesToSandbox(FileSystem delegate, SandboxFileSystem sandbox) {
        this.d = delegate;
        this.sandbox = sandbox;
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        sandbox.move(source, target, options);
    }

    @Override
    public Path parsePath(URI uri) {
        return d.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return d.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        d.checkAccess(path, modes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        d.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        d.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return d.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return d.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return d.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        return d.toRealPath(path, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return d.readAttributes(path, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        d.setAttribute(path, attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        d.copy(source, target, options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        d.createLink(link, existing);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        d.createSymbolicLink(link, target, attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return d.readSymbolicLink(link);
    }

    @Override
    public void setCurrentWorkingDirectory(Path dir) {
        d.setCurrentWorkingDirectory(dir);
    }

    @Override
    public String getSeparator() {
        return d.getSeparator();
    }

    @Override
    public String getPathSeparator() {
        return d.getPathSeparator();
    }

    @Override
    public String getMimeType(Path path) {
        return d.getMimeType(path);
    }

    @Override
    public Charset getEncoding(Path path) {
        return d.getEncoding(path);
    }

    @Override
    public Path getTempDirectory() {
        return d.getTempDirectory();
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return d.isSameFile(path1, path2, options);
    }

    @Override
    public long getFileStoreTotalSpace(Path path) throws IOException {
        return d.getFileStoreTotalSpace(path);
    }

    @Override
    public long getFileStoreUnallocatedSpace(Path path) throws IOException {
        return d.getFileStoreUnallocatedSpace(path);
    }

    @Override
    public long getFileStoreUsableSpace(Path path) throws IOException {
        return d.getFileStoreUsableSpace(path);
    }

    @Override
    public long getFileStoreBlockSize(Path path) throws IOException {
        return d.getFileStoreBlockSize(path);
    }

    @Override
    public boolean isFileStoreReadOnly(Path path) throws IOException {
        return d.isFileStoreReadOnly(path);
    }
}
