package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RestoreReaderTest {
    private static List<List<String>> lines(String input) throws IOException {
        RestoreReader r = new RestoreReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        List<List<String>> all = new ArrayList<>();
        List<String> l;
        while ((l = r.next("ipvsadm")) != null) {
            all.add(l.subList(1, l.size()));
        }
        return all;
    }

    @Test
    void wordsSplitAtBlanksTabsAndCarriageReturns() throws IOException {
        assertEquals(List.of(List.of("-A", "-t", "10.0.0.1:80"), List.of("-C")),
                lines("-A\t-t  10.0.0.1:80\r\n-C\n"));
    }

    @Test
    void ipvsadmWordsAndBlankLinesLeaveNothing() throws IOException {
        assertEquals(List.of(List.of(), List.of("-C"), List.of(), List.of(), List.of("-Z")),
                lines("\nipvsadm -C\n   \nipvsadm\n-Z ipvsadm\n"));
    }

    @Test
    void aHashIsJustAWord() throws IOException {
        assertEquals(List.of(List.of("#", "comment"), List.of("-C", "#x")), lines("# comment\n-C #x\n"));
    }

    @Test
    void theLastLineNeedsNoNewlineUnlessItEndsInSeveralBlanks() throws IOException {
        assertEquals(List.of(List.of("-C")), lines("-C"));
        assertEquals(List.of(List.of("-C")), lines("-C "));
        // scanf's loop gives up at the end of input after a second blank, dropping the line
        assertEquals(List.of(), lines("-C  "));
        assertEquals(List.of(List.of("-Z")), lines("-Z\n-C  "));
    }
}
