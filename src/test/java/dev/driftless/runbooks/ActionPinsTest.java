package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the workflows and action.yml use is pinned to a full commit SHA, with the version it was in a
 * comment: a moved tag cannot change what runs (action.yml's pins are inherited by every user of the action).
 */
class ActionPinsTest {
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\\s]+)?@[0-9a-f]{40}");
    private static final Pattern VERSION_COMMENT = Pattern.compile("\\s+#\\s+v\\d+(?:\\.\\d+)*\\s*");

    @Test
    void everyUsesIsPinnedToACommitShaWithItsVersion() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("action.yml")));
        try (Stream<Path> workflows = Files.list(Path.of(".github/workflows"))) {
            workflows.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        List<String> unpinned = new ArrayList<>();
        int remote = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = USES.matcher(lines.get(i));
                if (!m.matches() || m.group(1).startsWith("./")) {
                    continue;
                }
                remote++;
                if (!PINNED.matcher(m.group(1)).matches() || !VERSION_COMMENT.matcher(m.group(2)).matches()) {
                    unpinned.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(remote).as("remote actions found (the scan reads the files)").isGreaterThan(10);
        assertThat(unpinned).as("pin each to owner/repo@<40-hex commit> # vX.Y.Z").isEmpty();
    }

    @Test
    void theCheckRefusesTagsBranchesAndShortShas() {
        for (String ref : List.of("actions/checkout@v4", "actions/checkout@main", "actions/checkout@11d5960",
                "actions/checkout@11D5960A326750D5838078E36CF38B85AF677262")) {
            assertThat(PINNED.matcher(ref).matches()).as(ref).isFalse();
        }
        assertThat(PINNED.matcher("actions/checkout@11d5960a326750d5838078e36cf38b85af677262").matches()).isTrue();
        assertThat(VERSION_COMMENT.matcher(" # v4.4.0").matches()).isTrue();
        assertThat(VERSION_COMMENT.matcher("").matches()).isFalse();
    }
}
