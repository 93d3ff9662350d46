/**
 * The ipvsadm-compatible tool: ipvsadm 1.31's command line, messages, exit statuses and
 * listings, byte for byte (shared/ipvsadm/SPEC.md).
 *
 * <p>{@link org.jlvs.admin.ipvsadm.Ipvsadm#run} runs one invocation against an
 * {@link org.jlvs.admin.ipvsadm.IpvsControl}: {@link org.jlvs.admin.ipvsadm.LocalControl} for a
 * table in this process, or any implementation that carries the same values (core's
 * {@code Command}s and {@code TableSnapshot}, {@link org.jlvs.admin.ipvsadm.ConnRow},
 * {@link org.jlvs.admin.ipvsadm.SyncDaemon}, {@code IpvsException}'s errno) to jlvsd.
 *
 * <p>Reading order: {@code Popt} (popt's word reader) → {@code ArgParser} (ipvsadm's options,
 * values and their messages) → {@code OptionCheck} (which options each command takes) →
 * {@code Ipvsadm} (the rules before the kernel call, the call, -R) → {@code Listing},
 * {@code ConnListing} and {@code Order} (what -L, -S and -c print, in ipvsadm's order).
 */
package org.jlvs.admin.ipvsadm;
