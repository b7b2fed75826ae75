package dev.driftless.auth;

/**
 * The role session name, visible in CloudTrail: {@code driftless-<owner>-<repo>-<run id>}, at most 64
 * characters of {@code [\w+=,.@-]} (STS refuses anything else). The run id is kept whole and the
 * repository shortened, since the run id is what finds the run again.
 */
public final class SessionName {
    static final int MAX = 64;

    private SessionName() {
    }

    public static String of(String repository, String runId) {
        String run = clean(runId == null ? "" : runId);
        String repo = clean(repository == null ? "local" : repository.replace('/', '-'));
        String tail = run.isEmpty() ? "" : "-" + run;
        if (tail.length() > MAX - "driftless".length()) {
            tail = tail.substring(0, MAX - "driftless".length());
        }
        String head = "driftless-" + repo;
        if (head.length() + tail.length() > MAX) {
            head = head.substring(0, MAX - tail.length());
        }
        return head + tail;
    }

    private static String clean(String s) {
        return s.replaceAll("[^\\w+=,.@-]", "-");
    }
}
