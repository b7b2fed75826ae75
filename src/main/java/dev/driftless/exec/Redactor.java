package dev.driftless.exec;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Replaces known secrets in text before it reaches a log, an output or an error message. */
public final class Redactor {
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, "***");
        }
        return s;
    }
}
