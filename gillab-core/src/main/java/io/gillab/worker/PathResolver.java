package io.gillab.worker;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves an absolute path the way the kernel walks it, component by component: a symbolic link is
 * replaced by its target (a relative target read from the link's own folder), {@code ..} goes up from
 * wherever the walk has got to, and components that do not exist yet are kept as written (a file about to
 * be created). A dangling link is followed too: creating a file through it creates the target. Unlike
 * {@link Path#toRealPath} it works for paths that do not exist, and unlike {@link Path#normalize} it does
 * not undo a link with a {@code ..}.
 */
final class PathResolver {
    /** Linux gives up after 40 links (ELOOP); so does this. */
    static final int MAX_LINKS = 40;

    private PathResolver() {
    }

    /**
     * @param absolute   the path to resolve; must be absolute
     * @param followLast whether a link in the last component is followed (false for calls on the link itself:
     *                   delete, rename, lstat-like attributes, creating a link)
     */
    static Path resolve(Path absolute, boolean followLast) throws IOException {
        if (!absolute.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        Deque<Path> todo = new ArrayDeque<>();
        absolute.forEach(todo::addLast);
        Path at = absolute.getRoot();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst().toString();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            Path next = at.resolve(name);
            boolean last = todo.isEmpty();
            if ((!last || followLast) && Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(absolute.toString(), null, "too many levels of symbolic links");
                }
                Path target = Files.readSymbolicLink(next);
                // the target's components go in front of what is left, read from the link's folder (or /)
                java.util.List<Path> parts = new java.util.ArrayList<>();
                target.forEach(parts::add);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                if (target.isAbsolute()) {
                    at = target.getRoot();
                }
                continue;
            }
            at = next;
        }
        return at;
    }
}
