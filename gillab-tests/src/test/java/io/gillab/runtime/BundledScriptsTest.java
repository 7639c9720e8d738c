package io.gillab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's scripts land in a folder named by their content: the same jar twice, one folder; another, another. */
class BundledScriptsTest {
    @TempDir
    Path tmp;

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                j.putNextEntry(new JarEntry(f.getKey()));
                j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void extractedOnceIntoAFolderNamedByContent() throws IOException {
        Path cache = tmp.resolve("cache");
        Path a = jar("a.jar", Map.of("io/gillab/python/driver.py", "print(1)\n",
                "io/gillab/python/workloads/w.py", "KIND = 'cpu'\n", "io/gillab/Other.class", "x"));
        Path first = BundledScripts.extract(a, cache);
        assertTrue(first.getFileName().toString().startsWith("python-"), first.toString());
        assertEquals("print(1)\n", Files.readString(first.resolve("driver.py")));
        assertEquals("KIND = 'cpu'\n", Files.readString(first.resolve("workloads/w.py")));
        assertTrue(Files.notExists(first.resolve("Other.class")), "only the scripts are extracted");
        assertEquals(first, BundledScripts.extract(a, cache), "the same content, the same folder");

        Path b = jar("b.jar", Map.of("io/gillab/python/driver.py", "print(2)\n"));
        Path second = BundledScripts.extract(b, cache);
        assertNotEquals(first, second, "another version of the scripts, another folder");
        try (var left = Files.list(cache)) {
            assertEquals(2, left.count(), "no partial folder is left behind");
        }
    }

    @Test
    void aJarWithoutTheDriverIsNamed() throws IOException {
        Path c = jar("c.jar", Map.of("io/gillab/python/workloads/w.py", "x"));
        IOException e = assertThrows(IOException.class, () -> BundledScripts.extract(c, tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("holds no io/gillab/python/driver.py"), e.getMessage());
    }
}
