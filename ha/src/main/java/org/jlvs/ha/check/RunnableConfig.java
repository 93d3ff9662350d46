package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.Checker;
import org.jlvs.admin.keepalived.FileCheck;
import org.jlvs.admin.keepalived.KeepalivedConfig;
import org.jlvs.admin.keepalived.MiscCheck;
import org.jlvs.admin.keepalived.Names;
import org.jlvs.admin.keepalived.OtherCheck;
import org.jlvs.admin.keepalived.RealServer;
import org.jlvs.admin.keepalived.TrackFile;
import org.jlvs.admin.keepalived.VirtualServer;

/**
 * The configuration as the checkers will run it. keepalived drops a MISC_CHECK whose script is
 * missing or not executable at start, or unsafe to run as root with enable_script_security, so
 * its real server has one checker less (and with none, stays up). Checkers JLVS does not run yet (BFD_CHECK) are dropped the same way, with a line
 * saying so, rather than holding their server in its first state. A FILE_CHECK gets its track
 * file's real path (keepalived resolves it at start), or is dropped when the file's directory
 * does not exist.
 */
final class RunnableConfig {

    private RunnableConfig() {
    }

    static KeepalivedConfig of(KeepalivedConfig config, Scripts scripts, TrackFiles files, Consumer<String> log) {
        List<VirtualServer> vss = new ArrayList<>();
        for (VirtualServer vs : config.virtualServers()) {
            List<RealServer> rss = new ArrayList<>();
            for (RealServer rs : vs.realServers()) {
                List<Checker> kept = new ArrayList<>();
                for (Checker c : rs.checkers()) {
                    if (c instanceof MiscCheck m && !scripts.runnable(m.script())) {
                        log.accept("Disabling misc script " + m.script().command() + " since not found/accessible");
                    } else if (c instanceof MiscCheck m && !scripts.secure(m.script())) {
                        log.accept("Disabling misc script " + m.script().command() + " due to insecure");
                    } else if (c instanceof FileCheck f) {
                        java.nio.file.Path real = files.resolve(f.file());
                        if (real != null) {
                            TrackFile t = f.file();
                            kept.add(new FileCheck(f.at(), f.options(), new TrackFile(t.at(), t.name(), real.toString(),
                                    t.weight(), t.reverse(), t.init()), f.weight(), f.reverse()));
                        }
                    } else if (c instanceof OtherCheck o) {
                        log.accept(o.keyword() + " for service " + Names.trio(rs.address(), vs.protocol(), rs.port())
                                + " is not run by JLVS yet - ignoring this checker (" + o.at() + ")");
                    } else {
                        kept.add(c);
                    }
                }
                rss.add(kept.equals(rs.checkers()) ? rs : rs.withCheckers(kept));
            }
            vss.add(vs.withRealServers(rss));
        }
        return config.withVirtualServers(vss);
    }
}
