package io.gillab.worker;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system a gillab GraalPy Context sees: the host's, but file contents and directory listings
 * only under the readable roots (the scripts and {@code --path} directories) and the writable roots (the
 * temporary directory), and changes only under the writable roots. Path arithmetic, the current
 * directory and file attributes (stat) work everywhere, so Python's start-up and import machinery run
 * unchanged; anything else raises {@link AccessDeniedException} (PermissionError in Python). GraalPy's
 * own home is added by {@link FileSystem#allowLanguageHomeAccess}.
 */
final class SandboxFileSystem implements FileSystem {
    private final FileSystem host = FileSystem.newDefaultFileSystem();
    private final List<Path> readable;
    private final List<Path> writable;

    SandboxFileSystem(List<Path> readable, List<Path> writable) {
        this.readable = List.copyOf(readable);
        this.writable = List.copyOf(writable);
    }

    static FileSystem create(List<Path> readable, List<Path> writable) {
        return FileSystem.allowInternalResourceAccess(
                FileSystem.allowLanguageHomeAccess(new SandboxFileSystem(readable, writable)));
    }

    private Path abs(Path p) {
        return host.toAbsolutePath(p).normalize();
    }

    private boolean canWrite(Path p) {
        return GraalPyEngine.under(abs(p), writable);
    }

    private boolean canRead(Path p) {
        Path a = abs(p);
        return GraalPyEngine.under(a, writable) || GraalPyEngine.under(a, readable);
    }

    private Path read(Path p) throws AccessDeniedException {
        if (!canRead(p)) {
            throw new AccessDeniedException(p.toString(), null, "gillab: outside the directories a workload may read");
        }
        return p;
    }

    private Path write(Path p) throws AccessDeniedException {
        if (!canWrite(p)) {
            throw new AccessDeniedException(p.toString(), null, "gillab: outside the temporary directory");
        }
        return p;
    }

    @Override
    public Path parsePath(URI uri) {
        return host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return host.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            write(path);
        } else if (modes.contains(AccessMode.EXECUTE) && !canRead(path)) {
            throw new AccessDeniedException(path.toString());
        }
        host.checkAccess(path, modes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        host.createDirectory(write(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        host.delete(write(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.DELETE_ON_CLOSE);
        return host.newByteChannel(writes ? write(path) : read(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return host.newDirectoryStream(read(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return host.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        return host.toRealPath(path, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return host.readAttributes(path, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        host.setAttribute(write(path), attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        host.copy(read(source), write(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        host.move(write(source), write(target), options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        host.createLink(write(link), write(existing));
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        host.createSymbolicLink(write(link), write(target), attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return host.readSymbolicLink(link);
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        host.setCurrentWorkingDirectory(currentWorkingDirectory);
    }

    @Override
    public String getSeparator() {
        return host.getSeparator();
    }

    @Override
    public String getPathSeparator() {
        return host.getPathSeparator();
    }

    @Override
    public String getMimeType(Path path) {
        return host.getMimeType(path);
    }

    @Override
    public Charset getEncoding(Path path) {
        return host.getEncoding(path);
    }

    @Override
    public Path getTempDirectory() {
        return host.getTempDirectory();
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return host.isSameFile(path1, path2, options);
    }
}
