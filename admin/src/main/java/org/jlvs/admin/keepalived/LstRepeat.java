package org.jlvs.admin.keepalived;

import static org.jlvs.admin.keepalived.Scan.at;
import static org.jlvs.admin.keepalived.Scan.blanks;
import static org.jlvs.admin.keepalived.Scan.until;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ~LST(var, v1, v2, ...) text} or {@code ~LST({a, b}, {a1, b1}, {a2, b2}) text}
 * (keepalived's add_lst): one turn per value, or per set of values, taken literally. A set with
 * fewer values than names leaves the rest empty; one with more is refused.
 */
final class LstRepeat implements LineRepeat {
    private final List<String> names;
    private final List<List<String>> sets;
    private final String text;
    private int next;

    private LstRepeat(List<String> names, List<List<String>> sets, String text) {
        this.names = names;
        this.sets = sets;
        this.text = text;
    }

    static LstRepeat parse(String line) throws Invalid {
        Invalid invalid = new Invalid(List.of("Invalid ~LST specification '" + line + "'"));
        int p = blanks(line, 4);
        if (at(line, p++) != '(') {
            throw invalid;
        }
        p = blanks(line, p);
        char end = ',';
        if (at(line, p) == '{') {
            end = '}';
            p = blanks(line, p + 1);
        }
        List<String> names = new ArrayList<>();
        while (true) {
            int from = p;
            p = until(line, p, " \t,}");
            names.add(line.substring(from, p));
            p = blanks(line, p);
            if (at(line, p) == end) {
                break;
            }
            if (at(line, p) != ',') {
                throw invalid;
            }
            p = blanks(line, p + 1);
        }
        if (at(line, p) == '}') {
            p = blanks(line, p + 1);
        }
        if (at(line, p++) != ',') {
            throw invalid;
        }
        p = blanks(line, p);
        List<List<String>> sets = new ArrayList<>();
        while (true) {
            end = ',';
            if (at(line, p) == '{') {
                end = '}';
                p = blanks(line, p + 1);
            }
            List<String> values = new ArrayList<>();
            while (true) {
                int from = p;
                p = until(line, p, " \t,})");
                values.add(line.substring(from, p));
                p = blanks(line, p);
                if (at(line, p) == end || (at(line, p) == ')' && end == ',')) {
                    break;
                }
                if (at(line, p) != ',') {
                    throw invalid;
                }
                p = blanks(line, p + 1);
                if (values.size() > names.size() - 1) {
                    throw new Invalid(List.of("~LST specification has too many values '" + line + "'",
                            invalid.getMessage()));
                }
            }
            while (values.size() < names.size()) {
                values.add("");  // missing values are blank
            }
            sets.add(List.copyOf(values));
            if (at(line, p) == '}' && end == '}') {
                p = blanks(line, p + 1);
            }
            if (at(line, p) == ')') {
                break;
            }
            if (at(line, p) != ',') {
                throw invalid;
            }
            p = blanks(line, p + 1);
        }
        return new LstRepeat(List.copyOf(names), List.copyOf(sets), line.substring(blanks(line, p + 1)));
    }

    @Override
    public boolean hasNext() {
        return next < sets.size();
    }

    @Override
    public Turn next() {
        List<String> values = sets.get(next++);
        List<Binding> set = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            set.add(new Binding(names.get(i), values.get(i)));
        }
        return new Turn(set, text);
    }
}
