package dev.driftless.tracker;

import java.util.ArrayList;
import java.util.List;

/** A line-level LCS diff, enough to show which lines an update removed and added. */
record LineDiff(List<String> removed, List<String> added, List<String> kept) {

    static LineDiff of(String before, String after) {
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                kept.add(a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                removed.add(a.get(i++));
            } else {
                added.add(b.get(j++));
            }
        }
        while (i < a.size()) {
            removed.add(a.get(i++));
        }
        while (j < b.size()) {
            added.add(b.get(j++));
        }
        return new LineDiff(removed, added, kept);
    }
}
