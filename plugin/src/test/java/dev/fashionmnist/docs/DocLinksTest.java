package dev.fashionmnist.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fashionmnist.docs.DocLinks.Problem;
import dev.fashionmnist.testing.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation's links (DocLinks): the repository's own README and site pages have no broken link, and each kind
 * of broken link, planted into a copy, fails the check with a message naming the file, the link and why.
 */
class DocLinksTest {
    private static final Path ROOT = repositoryRoot();

    @TempDir
    Path work;
    private Path fixture;

    // ------------------------------------------------------------------ the repository's own pages

    @Test
    void theReadmeTheSitePagesAndTheMenuHaveNoBrokenLink() {
        // the pages are written beside this check; until the first one exists there is nothing to check
        assumeTrue(Files.isRegularFile(ROOT.resolve(DocLinks.PAGES).resolve("index.md")),
                "no site pages yet (" + DocLinks.PAGES + "/index.md)");
        List<Problem> problems = DocLinks.checkSources(ROOT);
        assertTrue(problems.isEmpty(), problems.size() + " broken link(s):\n" + lines(problems));
    }

    @Test
    void aLinkPlantedIntoACopyOfTheRealPagesFailsTheCheck() throws IOException {
        assumeTrue(Files.isRegularFile(ROOT.resolve(DocLinks.PAGES).resolve("index.md")),
                "no site pages yet (" + DocLinks.PAGES + "/index.md)");
        Path copy = work.resolve("copy");
        for (String part : List.of("src/site", "plugin/src/main/java", "runtime/src/main/java")) {
            FileTrees.copy(ROOT.resolve(part), copy.resolve(part));
        }
        // README.md stays out: its links reach all over the repository, the pages' links stay in the site
        for (String file : List.of("pom.xml", "plugin/pom.xml", "runtime/pom.xml")) {
            Files.copy(ROOT.resolve(file), copy.resolve(file));
        }
        assertEquals(List.of(), DocLinks.checkSources(copy), "the copy checks as the original");

        append(copy.resolve("src/site/markdown/index.md"), "\nSee [the cache](training.md#no-such-heading).\n");
        Problem problem = single(DocLinks.checkSources(copy));
        assertTrue(problem.where().startsWith("src/site/markdown/index.md:"), problem.toString());
        assertEquals("training.md#no-such-heading", problem.link());
        assertTrue(problem.why().contains("no heading of src/site/markdown/training.md has the anchor "
                + "#no-such-heading"), problem.why());
    }

    // ------------------------------------------------------------------ GitHub's anchors

    @Test
    void headingsGetGitHubsAnchors() {
        assertEquals("model-cache", DocLinks.gitHubAnchor("Model cache"));
        assertEquals("up-to-date-force--resume", DocLinks.gitHubAnchor("Up to date, force & resume"));
        assertEquals("über-die-daten", DocLinks.gitHubAnchor("Über die Daten"));
        assertEquals("gpu-cuda-121", DocLinks.gitHubAnchor("GPU (CUDA 12.1)"));
        assertEquals("the-train-goal", DocLinks.gitHubAnchor(DocLinks.renderedText("The `train` goal")));
        assertEquals("snake_case-and-bold", DocLinks.gitHubAnchor(DocLinks.renderedText("snake_case and **bold**")));
        assertEquals("see-the-runtime", DocLinks.gitHubAnchor(DocLinks.renderedText("See [the runtime](x.md)")));
        assertEquals("fashionmnisttrain---dfashionmnistepochs1",
                DocLinks.gitHubAnchor(DocLinks.renderedText("`fashionmnist:train` — `-Dfashionmnist.epochs=1`")));
    }

    @Test
    void repeatedHeadingsCodeAndCommentsFollowGitHub() throws IOException {
        Path page = write("page.md", """
                # Title
                ## Example
                ```
                ## not a heading
                ```
                <!-- ## not one either -->
                ## Example
                ## Example ##
                """);
        List<String> anchors = DocLinks.MarkdownFile.read(page).headings().stream()
                .map(DocLinks.Heading::anchor).toList();
        assertEquals(List.of("title", "example", "example-1", "example-2"), anchors);
    }

    @Test
    void theSiteCopyOfAPageCarriesGitHubsAnchorsAndItsImages() throws IOException {
        Path site = work.resolve("site");
        write("site/markdown/training.md", "# Training\n\n## Model cache\n\n![curves](images/curves.png)\n");
        write("site/markdown/images/curves.png", "png");
        write("site/site.xml", "<site/>");
        Path out = work.resolve("site-src");
        DocLinks.prepareSite(site, out);

        String page = Files.readString(out.resolve("markdown/training.md"));
        assertTrue(page.contains("## <a id=\"model-cache\"></a>Model cache\n"), page);
        assertTrue(page.startsWith("# <a id=\"training\"></a>Training\n"), page);
        assertEquals("png", Files.readString(out.resolve("resources/images/curves.png")));
        assertTrue(Files.isRegularFile(out.resolve("site.xml")));
        assertFalse(Files.exists(out.resolve("markdown/images")), "images go to the resources, not the pages");

        // a link's #über-die-daten becomes #a.C3.BCber-die-daten on the site, the heading carries both
        write("site/markdown/deutsch.md", "# Deutsch\n\n## Über die Daten\n");
        DocLinks.prepareSite(site, out);
        assertTrue(Files.readString(out.resolve("markdown/deutsch.md")).contains(
                "## <span id=\"über-die-daten\"></span><a id=\"a.C3.BCber-die-daten\"></a>Über die Daten\n"));
    }

    // ------------------------------------------------------------------ planted broken links in a small repository

    @BeforeEach
    void smallRepository() throws IOException {
        fixture = work.resolve("repo");
        write("repo/README.md", """
                # Fashion-MNIST Maven Plugin

                Read [the training page](src/site/markdown/training.md#model-cache) and [CI](docs/ci/ci.yml).
                Jump to [the POM](#the-pom).

                ## The POM
                """);
        write("repo/docs/ci/ci.yml", "jobs: {}\n");
        write("repo/src/site/markdown/index.md", """
                # Overview

                Start with [training](training.md), its [model cache](training.md#model-cache), the
                [train goal](train-mojo.html), [all goals](plugin-info.html), the [API](apidocs/index.html),
                [Classifier](apidocs/dev/fashionmnist/runtime/Classifier.html) and [the license](licenses.html).

                ![curves](images/curves.png)
                """);
        write("repo/src/site/markdown/training.md", """
                # Training

                ## Model cache

                Back to [the overview](index.md) or [up](#training).
                """);
        write("repo/src/site/markdown/images/curves.png", "png");
        write("repo/src/site/site.xml", """
                <site xmlns="http://maven.apache.org/SITE/2.0.0">
                  <body>
                    <menu name="Documentation">
                      <item name="Overview" href="index.html"/>
                      <item name="Training" href="training.html"/>
                    </menu>
                    <menu name="Goals">
                      <item name="All goals" href="plugin-info.html"/>
                      <item name="train" href="train-mojo.html"/>
                    </menu>
                    <menu name="Project">
                      <item name="License" href="licenses.html"/>
                    </menu>
                  </body>
                </site>
                """);
        write("repo/plugin/src/main/java/x/TrainMojo.java", "@Mojo(name = \"train\", threadSafe = true) class T {}\n");
        write("repo/plugin/pom.xml", "<project/>\n");
        write("repo/pom.xml", """
                <project><reporting><plugins><plugin>
                  <artifactId>maven-project-info-reports-plugin</artifactId>
                  <reportSets><reportSet><reports><report>licenses</report></reports></reportSet></reportSets>
                </plugin></plugins></reporting></project>
                """);
        write("repo/runtime/pom.xml", "<project/>\n");
        write("repo/runtime/src/main/java/dev/fashionmnist/runtime/Classifier.java", "class Classifier {}\n");
    }

    @Test
    void theSmallRepositoryHasNoBrokenLink() {
        assertEquals(List.of(), DocLinks.checkSources(fixture));
    }

    @Test
    void aLinkToAMissingPageFails() throws IOException {
        append(fixture.resolve("src/site/markdown/index.md"), "Then [sweeps](sweeps.md).\n");
        assertProblem("src/site/markdown/index.md:8", "sweeps.md", "no such page: src/site/markdown/sweeps.md");
    }

    @Test
    void aLinkToAMissingAnchorFailsAndListsTheAnchorsThereAre() throws IOException {
        append(fixture.resolve("src/site/markdown/index.md"), "The [cache](training.md#Model_cache).\n");
        assertProblem("src/site/markdown/index.md:8", "training.md#Model_cache",
                "no heading of src/site/markdown/training.md has the anchor #Model_cache (GitHub's rule: lower case, "
                        + "spaces to -, punctuation dropped); its anchors: training, model-cache");
    }

    @Test
    void anAnchorOfTheSamePageIsChecked() throws IOException {
        append(fixture.resolve("src/site/markdown/training.md"), "[Up](#model-cahce)\n");
        assertProblem("src/site/markdown/training.md:6", "#model-cahce", "has the anchor #model-cahce");
    }

    @Test
    void aLinkToAnExplicitIdTheSiteWouldEncodeFails() throws IOException {
        append(fixture.resolve("src/site/markdown/training.md"), "<a id=\"größe\"></a>Size.\n");
        append(fixture.resolve("src/site/markdown/index.md"), "The [size](training.md#größe).\n");
        assertProblem("src/site/markdown/index.md:8", "training.md#größe", "the site links #gr.C3.B6.C3.9Fe but "
                + "src/site/markdown/training.md has the id #größe");
    }

    @Test
    void aMissingImageFails() throws IOException {
        append(fixture.resolve("src/site/markdown/training.md"), "![loss](images/loss.png)\n");
        assertProblem("src/site/markdown/training.md:6", "images/loss.png", "no such file in src/site/markdown");
    }

    @Test
    void aGoalPageOfNoGoalFails() throws IOException {
        append(fixture.resolve("src/site/markdown/index.md"), "The [trian goal](trian-mojo.html).\n");
        assertProblem("src/site/markdown/index.md:8", "trian-mojo.html",
                "no such page: neither src/site/markdown/trian-mojo.md nor a generated page (plugin-info.html, "
                        + "train-mojo.html");
    }

    @Test
    void aLinkThatLeavesTheSitesPagesFails() throws IOException {
        append(fixture.resolve("src/site/markdown/index.md"), "The [pipeline](../../../docs/ci/ci.yml).\n");
        assertProblem("src/site/markdown/index.md:8", "../../../docs/ci/ci.yml",
                "leaves src/site/markdown: GitHub finds it, the site has no copy of it");
    }

    @Test
    void anHtmlLinkToAPageFailsOnGitHub() throws IOException {
        append(fixture.resolve("src/site/markdown/index.md"), "See [training](training.html).\n");
        assertProblem("src/site/markdown/index.md:8", "training.html",
                "GitHub has no training.html: link the page as training.md");
    }

    @Test
    void anApiPageOfTheInternalPackageFails() throws IOException {
        Files.writeString(fixture.resolve("runtime/pom.xml"),
                "<project><excludePackageNames>dev.fashionmnist.runtime.internal</excludePackageNames></project>\n");
        write("repo/runtime/src/main/java/dev/fashionmnist/runtime/internal/Nets.java", "class Nets {}\n");
        append(fixture.resolve("src/site/markdown/index.md"),
                "[Nets](apidocs/dev/fashionmnist/runtime/internal/Nets.html)\n");
        assertProblem("src/site/markdown/index.md:8", "apidocs/dev/fashionmnist/runtime/internal/Nets.html",
                "no such page");
    }

    @Test
    void aLinkDoxiaWouldNotRewriteFails() throws IOException {
        write("repo/src/site/markdown/release.notes.md", "# Notes\n");
        append(fixture.resolve("src/site/markdown/index.md"), "[Notes](release.notes.md)\n");
        List<Problem> problems = DocLinks.checkSources(fixture);
        assertTrue(lines(problems).contains("src/site/markdown/index.md:8: release.notes.md: the site would keep "
                + "this link to a .md file"), lines(problems));
    }

    @Test
    void aSetextHeadingFails() throws IOException {
        append(fixture.resolve("src/site/markdown/training.md"), "\nResume\n------\n");
        assertProblem("src/site/markdown/training.md:8", "setext heading", "write it as '## text'");
    }

    @Test
    void aBrokenReadmeLinkFails() throws IOException {
        append(fixture.resolve("README.md"), "\nSee [the GPU page](src/site/markdown/gpu.md) and [all goals]"
                + "(plugin-info.html).\n");
        List<Problem> problems = DocLinks.checkSources(fixture);
        assertEquals(List.of(
                new Problem("README.md:8", "src/site/markdown/gpu.md", "no such file in the repository"),
                new Problem("README.md:8", "plugin-info.html", "no such file in the repository (plugin-info.html is "
                        + "generated: it exists on the site only; link the page's .md in src/site/markdown or the "
                        + "published site)")), problems);
    }

    @Test
    void aPageMissingFromTheMenuFailsAndSoDoesAMenuItemWithoutPage() throws IOException {
        write("repo/src/site/markdown/gpu.md", "# GPU\n");
        Path menu = fixture.resolve("src/site/site.xml");
        Files.writeString(menu, Files.readString(menu).replace("<item name=\"Training\" href=\"training.html\"/>",
                "<item name=\"Training\" href=\"training.html\"/><item name=\"Sweeps\" href=\"sweeps.html\"/>"));
        List<Problem> problems = DocLinks.checkSources(fixture);
        assertEquals(2, problems.size(), lines(problems));
        assertTrue(problems.get(0).toString().startsWith("src/site/site.xml: <item href=\"sweeps.html\">: no page "
                + "src/site/markdown/sweeps.md and no generated page of that name"), lines(problems));
        assertEquals("src/site/markdown/gpu.md: gpu.html: not in the menu of src/site/site.xml (every page has its menu"
                + " item)", problems.get(1).toString());
    }

    @Test
    void aGoalWithoutItsMenuItemFails() throws IOException {
        write("repo/plugin/src/main/java/x/EvaluateMojo.java", "@Mojo(name = \"evaluate\") class E {}\n");
        assertProblem("src/site/site.xml", "evaluate-mojo.html",
                "the generated page (from plugin/src/main/java/x/EvaluateMojo.java) is not in the menu");
    }

    // ------------------------------------------------------------------ the staged site

    @Test
    void theStagedSiteCheckFindsMissingFilesAndAnchors() throws IOException {
        Path site = work.resolve("staging");
        write("staging/index.html", """
                <html><head><link rel="stylesheet" href="./css/site.css"/><script src="js/a.js">
                var x = '<a href="nowhere.html">';</script></head>
                <body><a href="training.html#model-cache">cache</a> <a href="https://maven.apache.org/">Maven</a>
                <!-- <a href="commented.html">x</a> -->
                <a href="apidocs/">API</a> <a href="#top">top</a> <img src="images/curves.png"/>
                <a id="top"></a><a href="train-mojo.html#epochs">epochs</a>
                <a href="apidocs/dev/Classifier.html#%3Cinit%3E(java.nio.file.Path)">new</a></body></html>
                """);
        write("staging/css/site.css", "");
        write("staging/js/a.js", "");
        write("staging/images/curves.png", "png");
        write("staging/training.html", "<h2><a id=\"model-cache\"></a>Model cache</h2>");
        write("staging/train-mojo.html", "<a name=\"epochs\"></a>");
        write("staging/apidocs/index.html", "<a href=\"dev/Classifier.html\">Classifier</a>");
        write("staging/apidocs/dev/Classifier.html", "<section id=\"&lt;init&gt;(java.nio.file.Path)\"></section>");
        // JDK 17's javadoc links a package group to an id it does not write: accepted where the group has a section
        write("staging/apidocs/constant-values.html", "<a href=\"#dev.fashionmnist\">dev.fashionmnist.*</a>\n"
                + "<section id=\"dev.fashionmnist.runtime\"></section>");
        assertEquals(List.of(), DocLinks.checkSite(site));

        Files.writeString(site.resolve("training.html"), "<h2><a id=\"Model_cache\"></a>Model cache</h2>");
        Files.delete(site.resolve("images/curves.png"));
        Files.writeString(site.resolve("apidocs/index.html"), "<a href=\"../../outside.html\">x</a>");
        assertEquals(List.of(
                new Problem("apidocs/index.html:1", "../../outside.html", "points outside the staged site"),
                new Problem("index.html:3", "training.html#model-cache",
                        "no element with the id #model-cache in training.html"),
                new Problem("index.html:5", "images/curves.png", "no such file in the staged site: images/curves.png")),
                DocLinks.checkSite(site));
    }

    @Test
    void anEmptyStagedSiteFails() throws IOException {
        Files.createDirectories(work.resolve("empty"));
        assertTrue(single(DocLinks.checkSite(work.resolve("empty"))).why().contains("mvn site site:stage"));
    }

    // ------------------------------------------------------------------ helpers

    private void assertProblem(String where, String link, String why) {
        Problem problem = single(DocLinks.checkSources(fixture));
        assertEquals(where, problem.where(), problem.toString());
        assertEquals(link, problem.link(), problem.toString());
        assertTrue(problem.why().contains(why), "expected '" + why + "' in: " + problem);
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), "one problem expected:\n" + lines(problems));
        return problems.get(0);
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
    }

    /** The folder with README.md and src/site above the test's working directory (the plugin module). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("plugin"))) {
                return dir;
            }
        }
        throw new AssertionError("the repository root (README.md, plugin/) not found above "
                + Path.of("").toAbsolutePath());
    }
}
