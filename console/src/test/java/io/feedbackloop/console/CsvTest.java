package io.feedbackloop.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackloop.console.web.Csv;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsASpreadsheetWouldRunAreNeutralisedAndNumbersStayNumbers() {
        String csv = new Csv().row("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", -12.5, "-12.5", 42, null,
                "a,b", "line\nbreak", "plain").toString();
        assertEquals("'=HYPERLINK(\"\"http://x\"\")".replace("'=", "\"'=") + "\"," + "'+1+1,'-2+3,'@SUM(A1),'\tx,-12.5,-12.5,42,,"
                + "\"a,b\",\"line\nbreak\",plain\r\n", csv);
    }
}
