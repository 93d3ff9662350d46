package org.jlvs.admin.keepalived;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the keyword handlers of one load share: the reporting, the block reader, and the objects
 * being built. As in keepalived, a handler works on the last virtual server, real server or
 * checker created.
 */
final class ParseContext {
    final Reporter rep;
    final Values values;
    final BlockParser blocks;
    /** Where absolute script paths are looked up (the root prefix), or null. */
    final Path root;
    final GlobalDefsReader global = new GlobalDefsReader();
    final List<VirtualServerGroup> groups = new ArrayList<>();
    final List<VsBuilder> virtualServers = new ArrayList<>();
    SslReader ssl;
    /** The track_file blocks read so far (a FILE_CHECK names one defined before it). */
    final List<TrackFile> trackFiles = new ArrayList<>();
    TrackFileReader.Builder trackFile;
    /** The checker block being read; null when it was dropped. */
    CheckerBuilder checker;
    CheckerBuilder.UrlBuilder url;
    /** The SMTP_CHECK host block being read (only its connection options are used). */
    CheckerBuilder smtpHost;

    ParseContext(Reporter rep, BlockParser blocks, Path root) {
        this.rep = rep;
        this.values = new Values(rep);
        this.blocks = blocks;
        this.root = root;
    }

    VsBuilder vs() {
        return virtualServers.getLast();
    }

    RsBuilder rs() {
        return vs().realServers.getLast();
    }

    /**
     * A script keyword's value (keepalived's notify_script_init): the line is split again with
     * shell-like quoting into {@code keyword COMMAND [USER [GROUP]]}, and COMMAND into its argv.
     * Returns null after reporting when it cannot be read.
     */
    Script script(Stmt s, String type) {
        List<String> words = Words.script(s.line().text(), rep, s.at());
        if (words == null || words.size() < 2) {
            rep.error(s.at(), "Unable to parse " + type + " script");
            return null;
        }
        List<String> argv = Words.script(words.get(1), rep, s.at());
        if (argv == null || argv.isEmpty()) {
            rep.error(s.at(), "Unable to parse script '" + words.get(1) + "' - ignoring");
            return null;
        }
        String user = words.size() > 2 ? words.get(2) : null;
        String group = words.size() > 3 ? words.get(3) : null;
        return new Script(words.get(1), argv, user, group);
    }

    /** The SSL block's values while it is being read. */
    static final class SslReader {
        final Origin at;
        String password;
        String ca;
        String certificate;
        String key;

        SslReader(Origin at) {
            this.at = at;
        }

        SslConfig build() {
            return new SslConfig(at, password, ca, certificate, key);
        }
    }
}
