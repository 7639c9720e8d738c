package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * report.html opened in a real headless Chromium (Debian's {@code chromium}, which .ci/run installs):
 * the rendered DOM has the behaviour matrix and a chart per workload, the console reports no error,
 * and a screenshot is kept at target/report-screenshot.png; with six runtimes the page fits a 1280-px
 * window (target/report-six-screenshot.png), and so does the scaling matrix on six runtimes
 * (target/report-matrix-screenshot.png). Skipped, saying why, without a browser. About 10 s (seven browser
 * starts), so not tagged slow.
 */
class ReportBrowserTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private record Result(int exit, String stdout, String stderr) {
    }

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Path browser = browser();
        Path out = Path.of("target", "report-browser").toAbsolutePath();
        Reports.Written written = Reports.write(out, ReportFixture.input(true));
        String url = written.html().toUri().toString();
        Result shot = screenshot(browser, out, url, "report-screenshot.png");

        Result dom = chromium(browser, out, "--dump-dom", url);
        assertEquals(0, dom.exit(), dom.stderr());
        String rendered = dom.stdout();
        assertTrue(rendered.contains("<table class=\"matrix\">"), "the behaviour matrix is in the rendered DOM");
        for (String name : workloadNames()) {
            assertTrue(Pattern.compile("data-workload=\"" + Pattern.quote(name) + "\">\\s*<svg").matcher(rendered)
                    .find(), "a chart for " + name + " in the rendered DOM");
        }
        for (Result r : List.of(shot, dom)) {
            // the page has no script; a console error would mean the browser choked on the markup
            assertFalse(r.stderr().contains("Uncaught") || r.stderr().contains(":CONSOLE("), r.stderr());
        }
    }

    /**
     * Six runtimes (issue 20): the behaviour matrix and the rest of the page fit a 1280-px window, i.e. the
     * document is no wider than the window and nothing scrolls sideways.
     */
    @Test
    void sixRuntimesFitA1280PixelWindow() throws Exception {
        Path browser = browser();
        Path out = Path.of("target", "report-browser-six").toAbsolutePath();
        ReportInput six = ReportFixture.sixRuntimes();
        Path html = Reports.write(out, six).html();
        List<String> runtimes = six.results().stream().map(TrialResult::runtime).distinct().toList();
        assertEquals(6, runtimes.size(), runtimes.toString());
        String page = Files.readString(html);
        for (String rt : runtimes) {
            assertTrue(page.contains("<th>" + Html.breakable(rt) + "</th>"), rt + " has a column in the matrix");
        }
        screenshot(browser, out, html.toUri().toString(), "report-six-screenshot.png");

        assertFitsIn1280(browser, out, page, "report.html with six runtimes");
    }

    /**
     * The scaling matrix (issue 19) on six runtimes, beside the six-runtime fixture's own page: it is in the
     * rendered DOM, with its legend, and the page still fits a 1280-px window
     * (target/report-matrix-screenshot.png).
     */
    @Test
    void scalingMatrixOnSixRuntimesFitsA1280PixelWindow() throws Exception {
        Path browser = browser();
        Path out = Path.of("target", "report-browser-matrix").toAbsolutePath();
        ReportInput six = ReportFixture.sixRuntimes();
        List<TrialResult> results = new ArrayList<>(six.results());
        results.addAll(ScalingMatrixFixture.input(true).results());
        Path html = Reports.write(out, new ReportInput(results, six.runs(), six.verdicts())).html();
        String page = Files.readString(html);
        screenshot(browser, out, html.toUri().toString(), "report-matrix-screenshot.png");
        Result dom = chromium(browser, out, "--dump-dom", html.toUri().toString());
        assertEquals(0, dom.exit(), dom.stderr());
        assertTrue(dom.stdout().contains("<table class=\"matrix scaling-matrix\">"), "the matrix is rendered");
        assertTrue(dom.stdout().contains("<ul class=\"legend\">"), "with its legend");
        assertFitsIn1280(browser, out, page, "report.html with the scaling matrix on six runtimes");
    }

    private static void assertFitsIn1280(Path browser, Path out, String page, String what) throws Exception {
        // The report has no script; a copy with one writes the widths where --dump-dom shows them.
        Path probe = out.resolve("report-width.html");
        Files.writeString(probe, page.replace("</body>", "<script>document.title = 'width '"
                + " + document.documentElement.scrollWidth + ' of ' + window.innerWidth;</script></body>"));
        Result dom = chromium(browser, out, "--window-size=1280,900", "--dump-dom", probe.toUri().toString());
        assertEquals(0, dom.exit(), dom.stderr());
        Matcher m = Pattern.compile("<title>width (\\d+) of (\\d+)</title>").matcher(dom.stdout());
        assertTrue(m.find(), "the widths were measured: " + dom.stdout().lines().limit(8).toList());
        int scrollWidth = Integer.parseInt(m.group(1));
        int innerWidth = Integer.parseInt(m.group(2));
        assertEquals(1280, innerWidth, "the window is 1280 px wide");
        assertTrue(scrollWidth <= innerWidth, what + " is " + scrollWidth
                + " px wide in a " + innerWidth + "-px window: it scrolls sideways");
    }

    private static Path browser() {
        Optional<Path> browser = findBrowser();
        assumeTrue(browser.isPresent(), "no headless browser found on PATH (looked for " + BROWSERS
                + "); install Debian's chromium to run this test");
        return browser.get();
    }

    /** A 1280-px-wide screenshot of the page, kept in target/ to look at. */
    private static Result screenshot(Path browser, Path work, String url, String name) throws Exception {
        Path screenshot = Path.of("target", name).toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Result shot = chromium(browser, work, "--screenshot=" + screenshot, "--window-size=1280,4000", url);
        assertEquals(0, shot.exit(), shot.stderr());
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG screenshot");
        return shot;
    }

    private static List<String> workloadNames() throws IOException {
        return ReportFixture.results().stream().filter(r -> !"probe".equals(r.kind())).map(TrialResult::name)
                .distinct().toList();
    }

    private static Result chromium(Path browser, Path work, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--enable-logging=stderr",
                "--user-data-dir=" + work.resolve("chromium-profile")));
        cmd.addAll(Arrays.asList(args));
        Path stdout = work.resolve("chromium.out");
        Path stderr = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Optional<Path> findBrowser() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
