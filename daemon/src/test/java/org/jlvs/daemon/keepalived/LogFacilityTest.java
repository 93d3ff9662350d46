package org.jlvs.daemon.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** keepalived's -S values and the syslog facilities they name. */
class LogFacilityTest {
    @Test
    void digitsAndLocalNamesAreLocal0To7AndUserAndDaemonAreThemselves() {
        assertEquals(16, KeepalivedOptions.facility("0"));
        assertEquals(23, KeepalivedOptions.facility("7"));
        assertEquals(19, KeepalivedOptions.facility("local3"));
        assertEquals(1, KeepalivedOptions.facility("user"));
        assertEquals(3, KeepalivedOptions.facility("daemon"));
        for (String bad : new String[] {"8", "-1", "local8", "local", "", "03", "kern", "Local1"}) {
            assertNull(KeepalivedOptions.facility(bad), bad);
        }
    }
}
