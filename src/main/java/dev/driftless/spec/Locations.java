package dev.driftless.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each YAML path of one spec file sits (1-based line and column), so rules that see only the
 * bound records can still point at the text. Paths look like {@code services.backend.cpu} and
 * {@code environments.dev.schedule.running[0].from}.
 */
public final class Locations {
    /** A position in the file; 1-based. */
    public record Position(int line, int column) {
        public static final Position START = new Position(1, 1);
    }

    private final Map<String, Position> positions = new HashMap<>();

    void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    public boolean has(String path) {
        return positions.containsKey(path);
    }

    /** The position of the path, or of its nearest ancestor that has one, or the file's start. */
    public Position of(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            p = parent(p);
        }
        return positions.getOrDefault("", Position.START);
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
