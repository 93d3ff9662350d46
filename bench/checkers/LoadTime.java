import java.nio.file.Path;

import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.KeepalivedConfig;
import org.jlvs.admin.keepalived.TablePrinter;
import org.jlvs.admin.keepalived.TableState;

/**
 * How long keepalived.conf takes to read, in a fresh JVM (what a start or a reload pays) and
 * once warm: reading and fix-ups, then building and printing its table. Run by bench/checkers.sh.
 */
public class LoadTime {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        KeepalivedConf.Loaded first = KeepalivedConf.load(file, new KeepalivedConf.Options(null, "bench"));
        long t1 = System.nanoTime();
        String table = TablePrinter.printTable(first.config(), TableState.HEALTHY);
        long t2 = System.nanoTime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            KeepalivedConfig c = KeepalivedConf.load(file, new KeepalivedConf.Options(null, "bench")).config();
            TablePrinter.printTable(c, TableState.HEALTHY);
            best = Math.min(best, System.nanoTime() - s);
        }
        KeepalivedConfig c = first.config();
        int rs = c.virtualServers().stream().mapToInt(v -> v.realServers().size()).sum();
        System.out.printf("file: %d virtual servers, %d real servers, %d table lines%n",
                c.virtualServers().size(), rs, table.lines().count());
        System.out.printf("first read in a fresh JVM: %.1f ms (+ %.1f ms to build and print its table)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        System.out.printf("warm, read + table: %.1f ms%n", best / 1e6);
    }
}
