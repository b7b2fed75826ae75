package dev.driftless.spec;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * YAML text to SnakeYAML's node tree, which keeps each node's line and column. A syntax error
 * becomes one problem at the line the parser stopped on: later errors would only echo the first.
 */
final class YamlParser {
    /** Either the document's root node (null for an empty file) or the syntax problem. */
    record Parsed(Node root, Problem syntaxError) {
    }

    private YamlParser() {
    }

    static Parsed parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // the binder reports duplicates with both lines
        options.setMaxAliasesForCollections(50);
        try {
            return new Parsed(new Yaml(options).compose(new StringReader(text)), null);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            return new Parsed(null, new Problem(Problem.Severity.ERROR, file, line, column, "",
                    "YAML syntax error: " + describe(e)));
        } catch (YAMLException e) {
            return new Parsed(null, new Problem(Problem.Severity.ERROR, file, 1, 1, "",
                    "YAML syntax error: " + e.getMessage()));
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
        StringBuilder b = new StringBuilder(problem);
        if (e.getContext() != null && e.getContextMark() != null && e.getProblemMark() != null
                && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
            b.append(" (").append(e.getContext()).append(" at line ").append(e.getContextMark().getLine() + 1)
                    .append(')');
        }
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            b.append("; indent with spaces, YAML does not allow tabs");
        }
        if ("expected a single document in the stream".equals(e.getContext())) {
            b.append("; put one application in each file");
        }
        return b.toString();
    }
}
