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
 *
 * <p>Every path is judged where the OS will take it ({@link PathResolver}: symbolic links followed, a
 * relative link target taken from the link's own folder, {@code ..} after a link from where the link led),
 * and the operation is then done on that resolved path, so what was judged is what is opened. A lexical
 * check alone let {@code os.symlink("..", "/tmp/x")} open {@code /tmp/x/etc/hostname}.
 *
 * <p>With a .pyc folder ({@link GraalPyEngine#PYCACHE_PROPERTY}) that folder is readable, and writable where it
 * mirrors a source outside the scripts, {@code --path} and temporary directories (GraalPy's own home): a workload
 * could write .pyc files for GraalPy's standard library there, which later workers would load (as a CPython user
 * can in a writable {@code __pycache__}); gillab's workloads are its own, and the sandbox is against accidents.
 */
final class SandboxFileSystem implements FileSystem {
    private final FileSystem host = FileSystem.newDefaultFileSystem();
    private final List<Path> readable;
    private final List<Path> writable;
    /** GraalPy's .pyc folder (PyCachePrefix), or null: readable, and writable for its own home's modules only. */
    private final Path pycache;

    SandboxFileSystem(List<Path> readable, List<Path> writable) {
        this(readable, writable, null);
    }

    SandboxFileSystem(List<Path> readable, List<Path> writable, Path pycache) {
        this.readable = real(readable);
        this.writable = real(writable);
        this.pycache = pycache == null ? null : real(List.of(pycache)).get(0);
    }

    /** Roots as the resolver will see paths under them (a root reached through a link, such as a tmpdir). */
    private static List<Path> real(List<Path> roots) {
        return roots.stream().map(r -> {
            try {
                return PathResolver.resolve(r.toAbsolutePath().normalize(), true);
            } catch (IOException e) {
                return r;
            }
        }).toList();
    }

    static FileSystem create(List<Path> readable, List<Path> writable) {
        return create(readable, writable, null);
    }

    /**
     * The sandbox, with GraalPy's home readable. Renames go straight to the sandbox: the polyglot wrapper that
     * adds the home has no {@code move} of its own, and the interface's default refuses {@code ATOMIC_MOVE}, so
     * Python's {@code os.replace} failed ("Atomic move not supported"), and with it every .pyc write.
     */
    static FileSystem create(List<Path> readable, List<Path> writable, Path pycache) {
        SandboxFileSystem sandbox = new SandboxFileSystem(readable, writable, pycache);
        return new MovesToSandbox(FileSystem.allowInternalResourceAccess(FileSystem.allowLanguageHomeAccess(sandbox)),
                sandbox);
    }

    /** Where the OS takes {@code p}; {@code followLast} false for calls that act on a link itself. */
    private Path resolve(Path p, boolean followLast) throws IOException {
        return PathResolver.resolve(host.toAbsolutePath(p), followLast);
    }

    private boolean canRead(Path resolved) {
        return GraalPyEngine.under(resolved, writable) || GraalPyEngine.under(resolved, readable)
                || (pycache != null && resolved.startsWith(pycache));
    }

    /**
     * Under the .pyc folder, which mirrors source paths: writable only where the source is outside the scripts,
     * {@code --path} and temporary directories, i.e. GraalPy's own home (whose folder is named by its content).
     */
    private boolean pycacheWritable(Path resolved) {
        if (pycache == null || !resolved.startsWith(pycache) || resolved.equals(pycache)) {
            return false;
        }
        Path source = resolved.getRoot().resolve(pycache.relativize(resolved));
        return !GraalPyEngine.under(source, readable) && !GraalPyEngine.under(source, writable)
                && !source.startsWith(pycache);
    }

    private Path read(Path p) throws IOException {
        Path r = resolve(p, true);
        if (!canRead(r)) {
            throw new AccessDeniedException(p.toString(), null, "gillab: outside the directories a workload may read");
        }
        return r;
    }

    private Path write(Path p) throws IOException {
        return write(p, true);
    }

    private Path write(Path p, boolean followLast) throws IOException {
        Path r = resolve(p, followLast);
        if (!GraalPyEngine.under(r, writable) && !pycacheWritable(r)) {
            throw new AccessDeniedException(p.toString(), null, "gillab: outside the temporary directory");
        }
        return r;
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
        } else if (modes.contains(AccessMode.EXECUTE)) {
            read(path);
        }
        host.checkAccess(path, modes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        host.createDirectory(write(dir, false), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        host.delete(write(path, false));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.DELETE_ON_CLOSE);
        boolean follow = !options.contains(LinkOption.NOFOLLOW_LINKS);
        return host.newByteChannel(writes ? write(path, follow) : read(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        // Judged where it leads, but listed under the caller's own path: the entries' paths must start with it.
        read(dir);
        return host.newDirectoryStream(dir, filter);
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
        host.setAttribute(write(path, !List.of(options).contains(LinkOption.NOFOLLOW_LINKS)), attribute, value,
                options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        host.copy(read(source), write(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        host.move(write(source, false), write(target, false), options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        host.createLink(write(link, false), write(existing));
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        // The OS reads a relative target from the link's folder, not from the current directory.
        Path at = write(link, false);
        write(target.isAbsolute() ? target : at.getParent().resolve(target));
        host.createSymbolicLink(at, target, attrs);
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
