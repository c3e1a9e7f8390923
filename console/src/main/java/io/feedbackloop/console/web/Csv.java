package io.feedbackloop.console.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets read it (RFC 4180), safe to open: a cell that a spreadsheet would take for a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so
 * customer text cannot run in someone's Excel. Plain numbers, negative NPS included, stay numbers.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private final StringBuilder out = new StringBuilder();

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
