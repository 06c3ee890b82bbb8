package org.filesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table for people: a header row, then one row per item. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** Columns whose header starts with '>' are right-aligned (numbers); the '>' is not printed. */
    TextTable(String... headers) {
        rightAligned = new boolean[headers.length];
        String[] header = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            header[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "-" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? pad + row[i] : (i == row.length - 1 ? row[i] : row[i] + pad));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.println(line);
        }
        out.flush();
    }
}
