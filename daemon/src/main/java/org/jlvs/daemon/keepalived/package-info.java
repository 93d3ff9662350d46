/**
 * jlvsd as keepalived's checker process: {@code jlvsd -f keepalived.conf} installs the table the
 * file yields, runs its health checkers ({@link org.jlvs.ha.check.CheckEngine}) and answers
 * keepalived's command line, signals (HUP reload, USR1/USR2 dumps) and the control socket's
 * "reload". {@link org.jlvs.daemon.keepalived.KeepalivedOptions} is the command line (a picocli
 * mixin of Jlvsd); {@link org.jlvs.daemon.keepalived.KeepalivedMode} the running mode.
 */
package org.jlvs.daemon.keepalived;
