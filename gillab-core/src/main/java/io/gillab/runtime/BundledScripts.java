package io.gillab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Python scripts (driver, workloads, probes) as gillab's jar carries them: resources under
 * {@value #RESOURCE_DIR}. Interpreters need files, so a jar's scripts are extracted once to a folder
 * named by their content hash ({@code ~/.cache/gillab/python-<hash>}, or under {@code -Dgillab.cache}):
 * two gillab versions never share one, and a folder, once complete, never changes. Run from a classes
 * folder (gillab's own build), the scripts are used where they are.
 */
public final class BundledScripts {
    public static final String RESOURCE_DIR = "io/gillab/python";
    public static final String CACHE_PROPERTY = "gillab.cache";

    private BundledScripts() {
    }

    /** A folder holding driver.py, workloads/ and probes/. */
    public static Path directory() {
        Path code = GillabHome.ownCodeSource();
        if (Files.isDirectory(code)) {
            Path dir = code.resolve(RESOURCE_DIR);
            if (!Files.isRegularFile(dir.resolve("driver.py"))) {
                throw new IllegalStateException("gillab's classes at " + code + " hold no " + RESOURCE_DIR
                        + "/driver.py: rebuild them (./mvnw package), or pass -Dgillab.scripts=python-scripts");
            }
            return dir;
        }
        try {
            return extract(code, cacheRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract gillab's Python scripts from " + code + " to "
                    + cacheRoot() + " (set -D" + CACHE_PROPERTY + " to a writable folder)", e);
        }
    }

    static Path cacheRoot() {
        String p = System.getProperty(CACHE_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gillab");
    }

    /** Extracts the jar's scripts into {@code root/python-<hash>} unless a complete copy is there. */
    static Path extract(Path jar, Path root) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Map<String, byte[]> scripts = new TreeMap<>();
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                if (!e.isDirectory() && e.getName().startsWith(RESOURCE_DIR + "/")) {
                    try (InputStream in = file.getInputStream(e)) {
                        scripts.put(e.getName().substring(RESOURCE_DIR.length() + 1), in.readAllBytes());
                    }
                }
            }
            if (!scripts.containsKey("driver.py")) {
                throw new IOException(jar + " holds no " + RESOURCE_DIR + "/driver.py");
            }
            Path target = root.resolve("python-" + hash(scripts));
            if (Files.isRegularFile(target.resolve("driver.py"))) {
                return target;
            }
            // Written aside, then renamed: another JVM extracting at the same time never sees half a folder.
            Files.createDirectories(root);
            Path partial = Files.createTempDirectory(root, "partial-");
            for (Map.Entry<String, byte[]> s : scripts.entrySet()) {
                Path out = partial.resolve(s.getKey()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("a script's name leaves its folder: " + s.getKey());
                }
                Files.createDirectories(out.getParent());
                Files.write(out, s.getValue());
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(partial); // another JVM finished first: its copy is the same bytes
            }
            return target;
        }
    }

    private static String hash(Map<String, byte[]> scripts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> s : scripts.entrySet()) {
                sha.update(s.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(s.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
