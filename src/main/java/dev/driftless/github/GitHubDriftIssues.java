package dev.driftless.github;

import dev.driftless.engine.DriftIssues;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;

/** {@link DriftIssues} over the REST issues and labels API. */
public final class GitHubDriftIssues implements DriftIssues {
    private static final String PERMISSION = "give the workflow `permissions: issues: write` (the drift workflow has it)";
    private final GHRepository repository;
    private final Map<Integer, GHIssue> seen = new HashMap<>();

    public GitHubDriftIssues(GHRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Issue> findOpen(String label, String marker) {
        try {
            List<Issue> found = new ArrayList<>();
            for (GHIssue i : repository.queryIssues().state(GHIssueState.OPEN).label(label).pageSize(100).list()) {
                if (!i.isPullRequest() && i.getBody() != null && i.getBody().contains(marker)) {
                    seen.put(i.getNumber(), i);
                    found.add(issue(i));
                }
            }
            found.sort(java.util.Comparator.comparingInt(Issue::number));
            return List.copyOf(found);
        } catch (IOException e) {
            throw GitHubRefusals.translate("list the open issues labelled " + label, e, PERMISSION);
        }
    }

    @Override
    public Issue create(String title, String body, List<String> labels) {
        try {
            GHIssueBuilder b = repository.createIssue(title).body(body);
            for (String l : labels) {
                b = b.label(l);
            }
            GHIssue i = b.create();
            seen.put(i.getNumber(), i);
            return issue(i);
        } catch (IOException e) {
            throw GitHubRefusals.translate("open the drift issue", e, PERMISSION);
        }
    }

    @Override
    public void edit(int number, String body) {
        try {
            known(number).setBody(body);
        } catch (IOException e) {
            throw GitHubRefusals.translate("edit drift issue #" + number, e, PERMISSION);
        }
    }

    @Override
    public void close(int number, String comment) {
        try {
            GHIssue i = known(number);
            i.comment(comment);
            i.close();
        } catch (IOException e) {
            throw GitHubRefusals.translate("close drift issue #" + number, e, PERMISSION);
        }
    }

    @Override
    public void ensureLabel(String name, String color, String description) {
        try {
            repository.getLabel(name);
        } catch (FileNotFoundException missing) {
            try {
                repository.createLabel(name, color, description);
            } catch (IOException e) {
                throw GitHubRefusals.translate("create the label " + name, e, PERMISSION);
            }
        } catch (IOException e) {
            throw GitHubRefusals.translate("read the label " + name, e, PERMISSION);
        }
    }

    private GHIssue known(int number) {
        GHIssue i = seen.get(number);
        if (i == null) {
            throw new IllegalStateException("issue " + number + " was not read through this object");
        }
        return i;
    }

    private static Issue issue(GHIssue i) throws IOException {
        return new Issue(i.getNumber(), i.getBody(), i.getHtmlUrl() == null ? null : i.getHtmlUrl().toString(),
                i.getUser() == null ? null : i.getUser().getLogin());
    }

}
