/**
 * RFC 959 block mode (MODE B) on the data connection: the codec
 * ({@link org.filesync.ftp.block.BlockModeEncoder}, {@link org.filesync.ftp.block.BlockModeDecoder},
 * {@link org.filesync.ftp.block.BlockModeInputStream} for listings) and the data side of a resumable
 * transfer ({@link org.filesync.ftp.block.BlockModeRetrieval}, {@link org.filesync.ftp.block.BlockModeStorage},
 * {@link org.filesync.ftp.block.MarkReplyTracker}).
 * <p>
 * Nothing here touches the control connection. The session in {@code org.filesync.ftp} sends the
 * commands on its own control channel (MODE B once after login; REST with the server's marker
 * immediately before RETR or STOR, §4.1.3) and opens the data connection; its
 * {@code BlockModeTransfer} hands the socket streams to these classes and reads the
 * {@code 110 MARK} replies of a STOR while the data flows. The data read or written is reported
 * to a {@link org.filesync.ftp.block.BlockStreamListener}, through which the session throttles
 * the transfer, reports its progress and keeps the control connection alive.
 * <p>
 * A RETR ends at the EOF block, not when the server closes the data connection (it may keep it
 * open and answer 250); a connection that ends before the EOF block is a broken transfer (§3.3),
 * resumable from the last marker. Markers are opaque to the side that did not write them (§3.5):
 * the server's are stored and resent as received, and this client's are decimal byte offsets. Bytes
 * that are not block mode make the decoder throw {@link org.filesync.ftp.block.MalformedBlockStreamException}:
 * a server that said 200 to MODE B but streams anyway, which the session treats as one that refused it.
 */
package org.filesync.ftp.block;
