package org.jlvs.admin.keepalived;

import static org.jlvs.admin.keepalived.Scan.at;
import static org.jlvs.admin.keepalived.Scan.blanks;
import static org.jlvs.admin.keepalived.Scan.until;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code ~SEQ(var, [start, [step,]] end) text} (keepalived's add_seq): {@code var} takes each
 * value from start to end. With one number it counts from 1 (or -1 towards a negative end),
 * with two the step is 1 or -1, with three a step of the wrong sign or 0 is refused.
 * {@code ~SEQx} writes the values in lower-case hexadecimal (for IPv6 addresses). Numbers are
 * read as C does (0x hexadecimal, leading 0 octal), after definitions in them expand.
 */
final class SeqRepeat implements LineRepeat {
    /** keepalived copies the parameters into a 64-byte buffer: three longs with their separators. */
    private static final int MAX_PARAMS = 3 * 20 + 3;

    private final String var;
    private final long last;
    private final long step;
    private final boolean hex;
    private final String text;
    private long next;
    private boolean done;

    private SeqRepeat(String var, long start, long step, long last, boolean hex, String text) {
        this.var = var;
        this.next = start;
        this.step = step;
        this.last = last;
        this.hex = hex;
        this.text = text;
    }

    static SeqRepeat parse(String line, UnaryOperator<String> expand) throws Invalid {
        String spec = "Invalid ~SEQ specification '" + line + "'";
        String definition = "Invalid ~SEQ definition '" + line + "'";
        int p = 4;
        boolean hex = at(line, p) == 'x';
        if (hex) {
            p++;
        }
        p = blanks(line, p);
        if (at(line, p++) != '(') {
            throw new Invalid(List.of(spec));
        }
        p = blanks(line, p);
        int var = p;
        p = until(line, p, " \t,)");
        String name = line.substring(var, p);
        p = blanks(line, p);
        if (p >= line.length() || line.charAt(p) == ')' || name.isEmpty()) {
            throw new Invalid(List.of(definition, spec));
        }
        p = blanks(line, p + 1);  // past the separator, whatever it is, as keepalived does
        int close = line.indexOf(')', p);
        if (close < 0) {
            throw new Invalid(List.of(definition, spec));
        }
        if (close + 1 - p + 1 > MAX_PARAMS + 1) {
            throw new Invalid(List.of("~SEQ parameter strings too long '" + line + "'", spec));
        }
        String params = expand.apply(line.substring(p, close + 1));
        long[] n = new long[3];
        int count = 0;
        int q = 0;
        while (true) {
            CNumber c = CNumber.parse(params, q);
            n[count++] = c.value();
            q = blanks(params, c.end());
            if (at(params, q) == ')') {
                break;
            }
            if (at(params, q) != ',' || count == 3) {
                throw new Invalid(List.of(definition, spec));
            }
            q++;
        }
        long start;
        long step;
        long end;
        switch (count) {
            case 1 -> {
                end = n[0];
                step = end < 1 ? -1 : 1;
                start = end < 0 ? -1 : 1;
            }
            case 2 -> {
                start = n[0];
                end = n[1];
                step = start <= end ? 1 : -1;
            }
            default -> {
                start = n[0];
                step = n[1];
                end = n[2];
                if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                    throw new Invalid(List.of("Invalid ~SEQ values '" + line + "'", spec));
                }
            }
        }
        if (hex && (start < 0 || end < 0)) {
            throw new Invalid(List.of("~SEQx is only valid for positive numbers '" + line + "'", spec));
        }
        return new SeqRepeat(name, start, step, end, hex, line.substring(blanks(line, close + 1)));
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public Turn next() {
        String value = hex ? Long.toHexString(next) : Long.toString(next);
        List<Binding> set = new ArrayList<>(1);
        set.add(new Binding(var, value));
        try {
            next = Math.addExact(next, step);
            done = step > 0 ? next > last : next < last;
        } catch (ArithmeticException e) {
            done = true;  // the next value would not fit: this was the last one
        }
        return new Turn(set, text);
    }
}
