package dev.driftless.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden summaries, parsed as GitHub renders them (CommonMark + GFM tables): each table has exactly the
 * rows its source lines give (a line right after a table would otherwise become a row), and no column is
 * empty in every row.
 */
class GfmGoldenTest {
    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static Stream<Path> goldens() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources/golden", "src/test/resources/tracker/golden")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(5);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void tablesRenderWithTheirOwnRowsAndNoEmptyColumn(Path golden) throws IOException {
        String text = Files.readString(golden);
        List<Integer> sourceRows = sourceTableRows(text);
        List<TableBlock> tables = new ArrayList<>();
        GFM.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock t) {
                    tables.add(t);
                }
                visitChildren(block);
            }
        });

        assertThat(tables).as("tables rendered").hasSameSizeAs(sourceRows);
        for (int i = 0; i < tables.size(); i++) {
            List<List<String>> body = bodyRows(tables.get(i));
            assertThat(body).as("table %d: rendered rows equal its source rows", i + 1).hasSize(sourceRows.get(i));
            int columns = body.isEmpty() ? 0 : body.get(0).size();
            for (int c = 0; c < columns; c++) {
                int column = c;
                assertThat(body).as("table %d column %d is empty in every row", i + 1, c + 1)
                        .anyMatch(row -> column < row.size() && !row.get(column).isBlank());
            }
        }
    }

    /**
     * One heading scheme for every command's summary: the command's own heading at level 3, its sections at level 4
     * (a job summary holds several steps' summaries one after another, so none may outrank another's).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void summaryHeadingsAreLevelThreeWithSectionsAtFour(Path golden) throws IOException {
        if (golden.toString().contains("tracker")) {
            return; // the tracker is the team's own document with its own outline
        }
        List<Integer> levels = new ArrayList<>();
        GFM.parse(Files.readString(golden)).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                levels.add(heading.getLevel());
            }
        });
        assertThat(levels).as("heading levels").isNotEmpty().allMatch(l -> l == 3 || l == 4);
    }

    /** Every summary heading the main code writes (render/ and the commands) is a level-3 or level-4 heading. */
    @org.junit.jupiter.api.Test
    void everySummaryHeadingInTheCodeIsLevelThreeOrFour() throws IOException {
        java.util.regex.Pattern heading = java.util.regex.Pattern.compile("\"(?:\\\\n)*(#{1,6}) ");
        List<String> wrong = new ArrayList<>();
        for (String dir : List.of("src/main/java/dev/driftless/render", "src/main/java/dev/driftless/cli")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (f.getFileName().toString().equals("DemoCommand.java")) {
                        continue; // writes the demo's tracker document, not a summary
                    }
                    java.util.regex.Matcher m = heading.matcher(Files.readString(f));
                    while (m.find()) {
                        int level = m.group(1).length();
                        if (level != 3 && level != 4) {
                            wrong.add(f.getFileName() + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A deploy summary followed by the next step's text: the text stays a paragraph, no column is all empty. */
    @org.junit.jupiter.api.Test
    void aDeploySummaryEndsItsTableAndDropsEmptyColumns() {
        var report = new dev.driftless.engine.DeployReport("dev", "durable-code-dev", false, List.of(
                new dev.driftless.engine.ServiceResult("backend", dev.driftless.engine.ServiceResult.Outcome.DEPLOYED,
                        "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:7", null, null,
                        "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v2", java.time.Duration.ofSeconds(42),
                        List.of()),
                new dev.driftless.engine.ServiceResult("frontend", dev.driftless.engine.ServiceResult.Outcome.UNCHANGED,
                        "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:3", null, null,
                        "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-frontend:v1", java.time.Duration.ofSeconds(3),
                        List.of())));
        String summary = DeployMarkdown.render("Deploy", "durable-code", report) + "Tracker updated.\n";

        List<TableBlock> tables = new ArrayList<>();
        GFM.parse(summary).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock t) {
                    tables.add(t);
                }
            }
        });
        assertThat(tables).hasSize(1);
        List<List<String>> body = bodyRows(tables.get(0));
        assertThat(body).as(summary).hasSize(2);
        assertThat(body.get(0)).as("no Reasons column when no service has reasons").hasSize(5);
    }

    /** Body rows of each table as the source writes them: '|' lines after a delimiter row, until another line. */
    private static List<Integer> sourceTableRows(String text) {
        List<Integer> counts = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("```")) {
                inFence = !inFence;
            }
            if (!inFence && i > 0 && lines[i].matches("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*")
                    && lines[i - 1].trim().startsWith("|")) {
                int rows = 0;
                int j = i + 1;
                while (j < lines.length && lines[j].trim().startsWith("|")) {
                    rows++;
                    j++;
                }
                counts.add(rows);
                i = j - 1;
            }
        }
        return counts;
    }

    private static List<List<String>> bodyRows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBody) {
                for (Node r = n.getFirstChild(); r != null; r = r.getNext()) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells.add(text(c));
                        }
                    }
                    if (r instanceof TableRow) {
                        rows.add(cells);
                    }
                }
            }
        }
        return rows;
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code c) {
                b.append(c.getLiteral());
            }
        });
        return b.toString();
    }
}
