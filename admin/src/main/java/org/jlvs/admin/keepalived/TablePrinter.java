package org.jlvs.admin.keepalived;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.ipvsadm.Ipvsadm;
import org.jlvs.admin.ipvsadm.LocalControl;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;

/**
 * Puts keepalived's commands into a table and prints it as {@code ipvsadm -S -n} does, through
 * JLVS's ipvsadm itself, so the text is ipvsadm 1.31's byte for byte.
 */
public final class TablePrinter {

    private TablePrinter() {
    }

    /**
     * Applies the commands in order. As keepalived does with the kernel's answers, a refused
     * command is noted and the rest still go; the notes come back ("command: reason").
     */
    public static List<String> apply(List<Command> commands, IpvsTable table) {
        List<String> refused = new ArrayList<>();
        for (Command c : commands) {
            try {
                table.apply(c);
            } catch (IpvsException e) {
                refused.add(c + ": " + e.getMessage());
            }
        }
        return refused;
    }

    /** {@code ipvsadm -S -n} of the table. */
    public static String save(IpvsTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Ipvsadm.run(new String[] {"-S", "-n"}, InputStream.nullInputStream(), o, e, new LocalControl(table));
        if (status != 0) {
            throw new IllegalStateException("ipvsadm -S -n failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The table of {@code config} in {@code state}, built on a fresh table, as {@code ipvsadm -S -n} text. */
    public static String printTable(KeepalivedConfig config, TableState state) {
        IpvsTable table = new IpvsTable();
        List<String> refused = apply(TableBuilder.commands(config, state), table);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("IPVS refused: " + String.join("; ", refused));
        }
        return save(table);
    }
}
