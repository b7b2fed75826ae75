package dev.driftless.engine.test;

import dev.driftless.DriftlessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads JUnit XML reports (the Ant/Surefire format every test tool writes: pytest, Jest, Gradle, go-junit-report).
 * Counts come from the {@code <testcase>} elements, not the suites' attributes, which some tools leave out.
 */
public final class JUnitReports {
    private JUnitReports() {
    }

    /** A failed or erroring test case. */
    public record FailedCase(String suite, String name, String message, String file) {
    }

    public record Totals(int files, int tests, int failed, int skipped, List<FailedCase> failures) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, List.of());

        public Totals {
            failures = List.copyOf(failures);
        }

        public int passed() {
            return tests - failed - skipped;
        }

        public Totals plus(Totals o) {
            List<FailedCase> all = new ArrayList<>(failures);
            all.addAll(o.failures);
            return new Totals(files + o.files, tests + o.tests, failed + o.failed, skipped + o.skipped, all);
        }
    }

    /** Report files under {@code base} matching a glob relative to it ({@code build/test-results/**}{@code /*.xml}). */
    public static List<Path> find(Path base, String glob) {
        PathMatcher matcher = base.getFileSystem().getPathMatcher("glob:" + glob);
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return dir.equals(base) || !(name.equals(".git") || name.equals("node_modules"))
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && matcher.matches(base.relativize(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DriftlessException("cannot look for test reports under " + base + ": " + e.getMessage(),
                    "check test.reports in the deploy-spec");
        }
        found.sort(null);
        return found;
    }

    public static Totals read(List<Path> files) {
        Totals t = Totals.NONE;
        for (Path f : files) {
            t = t.plus(read(f));
        }
        return t;
    }

    public static Totals read(Path file) {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = parser().parse(in);
        } catch (SAXException e) {
            throw new DriftlessException("test report " + file + " is not readable JUnit XML: " + e.getMessage(),
                    "point test.reports at JUnit XML files only (a DOCTYPE is refused on purpose)");
        } catch (IOException e) {
            throw new DriftlessException("cannot read test report " + file + ": " + e.getMessage());
        }
        NodeList cases = doc.getElementsByTagName("testcase");
        int failed = 0;
        int skipped = 0;
        List<FailedCase> failures = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            Element problem = firstChild(c, "failure", "error");
            if (problem != null) {
                failed++;
                String message = problem.getAttribute("message");
                if (message.isBlank()) {
                    message = problem.getTextContent().strip().lines().findFirst().orElse(problem.getTagName());
                }
                failures.add(new FailedCase(suiteOf(c), c.getAttribute("name"), firstLine(message), file.toString()));
            } else if (firstChild(c, "skipped") != null) {
                skipped++;
            }
        }
        return new Totals(1, cases.getLength(), failed, skipped, failures);
    }

    /**
     * Secure by default: reports come from the code under test, so no DOCTYPE (no entity expansion, no
     * external entities or DTDs, no XInclude).
     */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static Element firstChild(Element parent, String... names) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                for (String name : names) {
                    if (name.equals(e.getTagName())) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    private static String suiteOf(Element testcase) {
        String cls = testcase.getAttribute("classname");
        if (!cls.isBlank()) {
            return cls;
        }
        Node p = testcase.getParentNode();
        return p instanceof Element e ? e.getAttribute("name") : "";
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
