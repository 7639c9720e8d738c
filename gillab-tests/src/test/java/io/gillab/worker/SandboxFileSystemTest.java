package io.gillab.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GraalPy sandbox judges a path where the OS takes it. {@code w} is the writable root (the temporary
 * directory), {@code r} a readable one (the scripts), {@code outside/secret} a file the workload must not
 * read. The current directory is under the writable root, as when gillab is started from a folder under
 * /tmp: a relative link target must still be read from the link's folder.
 */
class SandboxFileSystemTest {
    @TempDir
    Path base;
    private Path w;
    private Path outside;
    private FileSystem fs;

    @BeforeEach
    void layout() throws IOException {
        w = Files.createDirectories(base.resolve("w"));
        Path r = Files.createDirectories(base.resolve("r"));
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "host file");
        Files.writeString(r.resolve("script.py"), "x = 1");
        Files.createDirectories(w.resolve("sub/deeper"));
        Files.writeString(w.resolve("sub/inside"), "mine");
        fs = new SandboxFileSystem(List.of(r), List.of(w));
        fs.setCurrentWorkingDirectory(w.resolve("sub/deeper"));
    }

    private String read(String path) throws IOException {
        try (SeekableByteChannel c = fs.newByteChannel(fs.parsePath(path), Set.of(StandardOpenOption.READ))) {
            ByteBuffer b = ByteBuffer.allocate(64);
            c.read(b);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        }
    }

    private void link(String link, String target) throws IOException {
        fs.createSymbolicLink(fs.parsePath(link), fs.parsePath(target));
    }

    @Test
    void aRelativeLinkIsReadFromItsOwnFolderNotTheCurrentDirectory() throws IOException {
        // ".." from the current directory (w/sub/deeper) is w/sub, writable; from w it is the base: refused
        assertThrows(AccessDeniedException.class, () -> link(w + "/up", ".."));
        // and a link already there (made by another process) is not followed out either
        Files.createSymbolicLink(w.resolve("up"), Path.of(".."));
        assertThrows(AccessDeniedException.class, () -> read(w + "/up/outside/secret"));
        assertThrows(AccessDeniedException.class, () -> fs.newDirectoryStream(fs.parsePath(w + "/up"), p -> true));
        assertThrows(AccessDeniedException.class, () -> fs.newByteChannel(fs.parsePath(w + "/up/outside/new"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void absoluteChainedAndDotDotLinksAreFollowed() throws IOException {
        Files.createSymbolicLink(w.resolve("abs"), outside);
        assertThrows(AccessDeniedException.class, () -> read(w + "/abs/secret"));
        Files.createSymbolicLink(w.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(w.resolve("b"), Path.of("sub/../../outside"));
        assertThrows(AccessDeniedException.class, () -> read(w + "/a/secret"));
        // ".." after a link goes up from where the link led, not from the link's name
        Files.createSymbolicLink(w.resolve("sub/deeper/out"), outside);
        assertThrows(AccessDeniedException.class, () -> read(w + "/sub/deeper/out/../outside/secret"));
        Files.createSymbolicLink(w.resolve("loop"), Path.of("loop"));
        assertThrows(IOException.class, () -> read(w + "/loop/x"));
    }

    @Test
    void aDanglingLinkCannotCreateItsTarget() throws IOException {
        Files.createSymbolicLink(w.resolve("dangling"), outside.resolve("created"));
        assertThrows(AccessDeniedException.class, () -> fs.newByteChannel(fs.parsePath(w + "/dangling"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
        assertFalse(Files.exists(outside.resolve("created")));
        // the link itself is the workload's: it may delete it
        fs.delete(fs.parsePath(w + "/dangling"));
        assertFalse(Files.exists(w.resolve("dangling"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aHardLinkToAFileOutsideIsRefused() {
        assertThrows(AccessDeniedException.class,
                () -> fs.createLink(fs.parsePath(w + "/hard"), fs.parsePath(outside + "/secret")));
        assertFalse(Files.exists(w.resolve("hard")));
    }

    @Test
    void linksThatStayInsideWorkAsBefore() throws IOException {
        link(w + "/here", "sub");
        assertEquals("mine", read(w + "/here/inside"));
        assertEquals("mine", read("../inside")); // relative to the current directory, w/sub/deeper
        assertEquals("x = 1", read(base + "/r/script.py"));
        try (SeekableByteChannel c = fs.newByteChannel(fs.parsePath(w + "/here/new"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            c.write(ByteBuffer.wrap(new byte[] {1}));
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(w.resolve("sub/new")));
        assertThrows(AccessDeniedException.class, () -> read(outside + "/secret"));
    }

    /**
     * Python's os.replace (and every .pyc write: aside, then renamed) asks for an atomic move. The polyglot
     * wrapper that adds GraalPy's home refused it ("Atomic move not supported"); the sandbox does the move.
     */
    @Test
    void anAtomicRenameInsideTheWritableRootWorks() throws IOException {
        FileSystem wrapped = SandboxFileSystem.create(List.of(base.resolve("r")), List.of(w));
        Files.writeString(w.resolve("aside"), "new");
        wrapped.move(wrapped.parsePath(w + "/aside"), wrapped.parsePath(w + "/sub/inside"),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("new", Files.readString(w.resolve("sub/inside")));
        assertThrows(AccessDeniedException.class, () -> wrapped.move(wrapped.parsePath(w + "/sub/inside"),
                wrapped.parsePath(outside + "/moved"), StandardCopyOption.ATOMIC_MOVE));
        assertFalse(Files.exists(outside.resolve("moved")));
    }

    /**
     * The .pyc folder mirrors source paths: a workload may write the .pyc of a module from GraalPy's own home
     * (here {@code outside}, neither scripts nor temporary directory), never one that a later worker would load
     * for gillab's scripts or for a module in the temporary directory.
     */
    @Test
    void thePycacheFolderTakesOnlyTheHomesModules() throws IOException {
        Path pyc = Files.createDirectories(base.resolve("pyc"));
        FileSystem withPyc = new SandboxFileSystem(List.of(base.resolve("r")), List.of(w), pyc);
        Path home = pyc.resolve(outside.toString().substring(1)).resolve("__pycache__");
        Files.createDirectories(home.getParent());
        withPyc.createDirectory(withPyc.parsePath(home.toString()));
        try (SeekableByteChannel c = withPyc.newByteChannel(withPyc.parsePath(home + "/json.pyc"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            c.write(ByteBuffer.wrap(new byte[] {7}));
        }
        assertTrue(Files.exists(home.resolve("json.pyc")));
        Path scripts = pyc.resolve(base.resolve("r").toString().substring(1));
        Files.createDirectories(scripts);
        assertThrows(AccessDeniedException.class, () -> withPyc.newByteChannel(
                withPyc.parsePath(scripts + "/script.pyc"), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
        Path temp = pyc.resolve(w.toString().substring(1));
        Files.createDirectories(temp);
        assertThrows(AccessDeniedException.class, () -> withPyc.newByteChannel(
                withPyc.parsePath(temp + "/mod.pyc"), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
        // and without a .pyc folder nothing there is writable
        assertThrows(AccessDeniedException.class, () -> fs.newByteChannel(fs.parsePath(home + "/other.pyc"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
    }
}
