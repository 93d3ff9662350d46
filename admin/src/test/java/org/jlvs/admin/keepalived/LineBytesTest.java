package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's line limit counts the bytes on disk, whatever the file's encoding. */
class LineBytesTest {
    @TempDir
    Path dir;

    @Test
    void aGbkCommentAfterAValueDoesNotMakeTheLineTooLong() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  protocol TCP\n  real_server 10.0.1.1 80 {\n"
                + "    weight 3 # ").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes("负载均衡".repeat(60).getBytes(Charset.forName("GBK")));  // 480 bytes, not UTF-8
        b.writeBytes("\n  }\n}\n".getBytes(StandardCharsets.US_ASCII));
        Path f = dir.resolve("keepalived.conf");
        Files.write(f, b.toByteArray());
        KeepalivedConf.Loaded l = KeepalivedConf.load(f, new KeepalivedConf.Options(null, ConfFiles.CONFIG_ID));
        assertEquals(3, l.config().virtualServers().getFirst().realServers().getFirst().weight());
    }
}
