/**
 * The client side of keepalived's HTTP_GET/SSL_GET and genhash: connect with a timeout (and an
 * optional source address), send keepalived's GET request, read the answer to the end, and
 * digest the body as genhash does (MD5 of the bytes after the header, up to Content-Length).
 * Blocking calls, meant for virtual threads; every wait is bounded by the timeout.
 */
package org.jlvs.admin.http;
