/**
 * keepalived.conf, the load-balancing part: read as keepalived 2.x reads it, turned into the
 * IPVS table keepalived would install.
 *
 * <ul>
 *   <li>Reading: {@link org.jlvs.admin.keepalived.LineSource} (comments, {@code @id} lines,
 *       {@code $} definitions, includes, cutting at braces) feeds
 *       {@link org.jlvs.admin.keepalived.BlockParser} (keyword tables per block, with keepalived's
 *       handling of unknown keywords and stray braces).</li>
 *   <li>Model: {@link org.jlvs.admin.keepalived.KeepalivedConfig} and its records, after the
 *       fix-ups of {@code Fixups} (defaults, port resets, quorum capping).</li>
 *   <li>Table: {@link org.jlvs.admin.keepalived.RealServerPolicy} holds ipwrapper.c's decisions;
 *       {@link org.jlvs.admin.keepalived.TableBuilder} drives it to a {@link org.jlvs.admin.keepalived.TableState};
 *       {@link org.jlvs.admin.keepalived.TablePrinter} prints with JLVS's ipvsadm.</li>
 *   <li>Entry points: {@link org.jlvs.admin.keepalived.KeepalivedConf#load} and
 *       {@link org.jlvs.admin.keepalived.KeepalivedTool} ({@code -t}, {@code --print-table}).</li>
 * </ul>
 *
 * Sources of the rules: shared/keepalived/GRAMMAR.md and keepalived's parser.c, check_parser.c,
 * check_data.c, ipwrapper.c and ipvswrapper.c (facts restated, no code copied).
 */
package org.jlvs.admin.keepalived;
