package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PoptTest {
    private static final List<Popt.Option> TABLE = List.of(
            new Popt.Option("list", 'L', Popt.Arg.NONE, 'L'),
            new Popt.Option("numeric", 'n', Popt.Arg.NONE, 'n'),
            new Popt.Option("tcp-service", 't', Popt.Arg.REQUIRED, 't'),
            new Popt.Option("weight", 'w', Popt.Arg.REQUIRED, 'w'),
            new Popt.Option("persistent", 'p', Popt.Arg.OPTIONAL, 'p'),
            new Popt.Option("masquerading", 'm', Popt.Arg.NONE, 'm'),
            new Popt.Option("stats", (char) 0, Popt.Arg.NONE, 200),
            new Popt.Option("start-daemon", (char) 0, Popt.Arg.REQUIRED, 201));

    /** Each returned option as "tag=arg", errors as "ERR<code>@word", then the leftovers. */
    private static String read(String... argv) {
        Popt p = new Popt(argv, TABLE);
        List<String> got = new ArrayList<>();
        int c;
        while ((c = p.next()) >= 0) {
            String name = c < 128 ? String.valueOf((char) c) : Integer.toString(c);
            got.add(name + (p.optArg() == null ? "" : "=" + p.optArg()));
        }
        if (c < -1) {
            got.add("ERR" + c + "@" + p.badOption());
        }
        String w;
        while ((w = p.nextLeftover()) != null) {
            got.add("[" + w + "]");
        }
        return String.join(" ", got);
    }

    @Test
    void shortOptionsCombineAndTakeGluedArguments() {
        assertEquals("L n t=10.0.0.1:80", read("-Lnt", "10.0.0.1:80"));
        assertEquals("m w=3", read("-mw", "3"));
        assertEquals("t=10.0.0.2", read("-t10.0.0.2"));
        assertEquals("w=3", read("-w=3"));
        assertEquals("p=600", read("-p600"));
    }

    @Test
    void longOptionsTakeTheNextWordOrAnEqualsValueAndAreNeverAbbreviated() {
        assertEquals("w=4 w=5", read("--weight=4", "--weight", "5"));
        assertEquals("w=", read("--weight="));
        assertEquals("ERR-11@--weigh", read("--weigh", "4"));
        assertEquals("ERR-12@--stats=1", read("--stats=1"));
        assertEquals("ERR-12@-n=1", read("-n=1"));
    }

    @Test
    void aSingleDashWordIsAlwaysShortOptions() {
        // "-stats" is -s... and 's' is not in this table
        assertEquals("ERR-11@-stats", read("-stats"));
    }

    @Test
    void requiredArgumentsSwallowTheNextWordEvenAnOption() {
        assertEquals("w=-5", read("-w", "-5"));
        assertEquals("t=-L", read("-t", "-L"));
        assertEquals("ERR-10@-w", read("-w"));
        assertEquals("L ERR-10@--start-daemon", read("-L", "--start-daemon"));
    }

    @Test
    void theOptionalArgumentSkipsWordsStartingWithADash() {
        assertEquals("p", read("-p"));
        assertEquals("p L", read("-p", "-L"));
        assertEquals("p=30 L", read("-p", "30", "-L"));
        assertEquals("p=", read("-p", ""));
    }

    @Test
    void wordsAreCollectedAndDoubleDashEndsTheOptions() {
        assertEquals("L [foo] [bar]", read("foo", "-L", "bar"));
        assertEquals("L [-] [-n]", read("-L", "-", "--", "-n"));
        assertEquals("", read());
    }

    @Test
    void theBlamedWordIsTheLastOneRead() {
        Popt p = new Popt(new String[] {"-L", "--start-daemon", "master"}, TABLE);
        p.next();
        assertEquals(201, p.next());
        assertEquals("master", p.badOption());
        Popt q = new Popt(new String[] {"-Lq"}, TABLE);
        assertEquals('L', q.next());
        assertEquals(Popt.ERROR_BADOPT, q.next());
        assertEquals("-Lq", q.badOption());
        assertNull(q.nextLeftover());
    }
}
