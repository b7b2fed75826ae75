package dev.driftless.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GitHub-flavoured markdown table. Cells are escaped (pipes, line breaks), so any text is safe to
 * put in one; a column may be right-aligned for figures.
 *
 * <pre>{@code
 * String md = new MarkdownTable("Service", "Action", "Monthly").alignRight(2)
 *         .row("backend", "update", "$4.10")
 *         .render();
 * }</pre>
 */
public final class MarkdownTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... headers) {
        this.headers = List.of(headers);
        this.right = new boolean[headers.length];
    }

    /** Right-aligns the given columns (0-based). */
    public MarkdownTable alignRight(int... columns) {
        for (int c : columns) {
            right[c] = true;
        }
        return this;
    }

    /** One row; missing cells are empty, null cells too. */
    public MarkdownTable row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        while (row.size() < headers.size()) {
            row.add("");
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The same table without the columns that are empty in every row (an empty column reads as a gap). */
    public MarkdownTable withoutEmptyColumns() {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            int column = c;
            if (rows.stream().anyMatch(r -> r.get(column) != null && !r.get(column).isBlank())) {
                kept.add(c);
            }
        }
        MarkdownTable t = new MarkdownTable(kept.stream().map(headers::get).toArray(String[]::new));
        for (int i = 0; i < kept.size(); i++) {
            t.right[i] = right[kept.get(i)];
        }
        for (List<String> r : rows) {
            t.row(kept.stream().map(r::get).toArray(String[]::new));
        }
        return t;
    }

    /** The table, ending with a newline. */
    public String render() {
        StringBuilder md = new StringBuilder();
        line(md, headers);
        md.append('|');
        for (int i = 0; i < headers.size(); i++) {
            md.append(right[i] ? "---:|" : "---|");
        }
        md.append('\n');
        rows.forEach(r -> line(md, r));
        return md.toString();
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(escape(c)).append(" |");
        }
        md.append('\n');
    }

    /** Text safe inside a cell: pipes escaped, line breaks as {@code <br>}. */
    public static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.replace("\\|", "|").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    /** Inline code that survives any backticks in the text. */
    public static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String fence = text.contains("`") ? "``" : "`";
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }
}
