/**
 * RFC 959 block mode (MODE B): the codec ({@link org.filesync.ftp.block.BlockModeDecoder},
 * {@link org.filesync.ftp.block.BlockModeEncoder}, {@link org.filesync.ftp.block.BlockModeInputStream})
 * and the data side of resumable transfers ({@link org.filesync.ftp.block.BlockModeRetrieval},
 * {@link org.filesync.ftp.block.BlockModeStorage}, {@link org.filesync.ftp.block.MarkReplyTracker}).
 * Nothing here touches the control connection: the session sends the commands and reads the
 * replies, and hands the data connection's streams ({@code Socket} streams, or the ones Commons Net's
 * {@code retrieveFileStream}/{@code storeFileStream} return) to these classes.
 *
 * <h2>How a session uses block mode</h2>
 * <ol>
 * <li><b>Negotiate</b> after login and {@code TYPE I}: send {@code MODE B}. 200 means every later
 * data transfer of this control connection, listings included, is in block mode. 502 or 504 (or
 * any 5yz) means the server has no block mode: stay in stream mode and resume with {@code REST
 * <byte offset>}; say so once per run. With Commons Net: {@code setFileTransferMode(FTP.BLOCK_TRANSFER_MODE)}
 * only sends {@code MODE B}; the streams it then returns are the raw socket streams, which is what
 * these classes expect. Commons Net's own {@code setRestartOffset} sends a byte-offset {@code REST},
 * which block-mode servers may refuse; see the next item for sending markers instead.</li>
 *
 * <li><b>Where REST goes</b>: RFC 959 §4.1.3 says REST "shall be immediately followed by" the
 * RETR or STOR it restarts, so it must come after PASV/EPSV, not before: a strict server forgets a
 * restart point when another command intervenes. Commons Net sends PASV/EPSV itself inside
 * {@code retrieveFileStream}/{@code storeFileStream} and then, when its restart offset is positive,
 * calls {@code protected boolean restart(long)} right before the transfer command, which sends a
 * decimal {@code REST}. A session therefore subclasses {@code FTPClient} and overrides that hook to
 * send the server's marker:
 * <pre>{@code
 * class MarkerRestartingFtpClient extends FTPClient {
 *     private String marker;
 *     void restartAt(RestartPoint point) {              // before retrieveFileStream/storeFileStream
 *         marker = point.marker();
 *         setRestartOffset(marker == null ? 0 : Math.max(1, point.offset()));
 *     }
 *     protected boolean restart(long offset) throws IOException {     // overrides FTPClient.restart
 *         String m = marker; marker = null; setRestartOffset(0);
 *         return FTPReply.isPositiveIntermediate(rest(m != null ? m : Long.toString(offset)));   // 350
 *     }
 * }
 * }</pre>
 * A refused REST makes {@code retrieveFileStream}/{@code storeFileStream} return null with the
 * REST reply in {@code getReplyCode()}.</li>
 *
 * <li><b>RETR</b>:
 * <pre>{@code
 * RestartPoint from = ...;                        // START, or the confirmed() of an earlier attempt
 * if (from.marker() == null) from = RestartPoint.START;   // no server marker yet: start over
 * client.restartAt(from);                         // REST <server marker> goes out after PASV, before RETR
 * channel = FileChannel.open(partial, WRITE, CREATE); channel.truncate(from.offset()); channel.position(from.offset());
 * InputStream in = client.retrieveFileStream(path);   // PASV, [REST marker -> 350], RETR -> 150/125
 * var retrieval = new BlockModeRetrieval(listener, throttle);
 * try {
 *     BlockTransfer done = retrieval.retrieve(in, channel, from);   // returns at the EOF block
 * } catch (IOException e) {                       // BrokenBlockStreamException, socket errors
 *     RestartPoint resumeAt = retrieval.confirmed();                // store it; next attempt sends its marker
 * }
 * in.close();                                     // close the data connection ourselves: the server may keep it open
 * int reply = client.getReply();                  // final reply: 226 (closed) or 250 (kept open) both mean success
 * }</pre>
 * Do not wait for the data connection to close after the EOF block, and do not treat a close
 * without an EOF block as the end of the file (RFC 959 §3.3). The server's markers are opaque
 * strings (§3.5): store and resend them exactly as received. Block mode servers may refuse
 * {@code REST <byte offset>} (DESIGN.md), so before the first marker a broken download restarts at
 * 0. {@link org.filesync.ftp.block.BlockTransfer#bytesTransferred()} and
 * {@link org.filesync.ftp.block.BlockModeRetrieval#bytesReceived()} count file bytes only.</li>
 *
 * <li><b>STOR</b>: the client is the sender, so it puts the markers in the stream (decimal byte
 * offsets, one every {@code markerInterval} bytes) and the server answers each on the control
 * connection with {@code 110 MARK ssss = mmmm} while the data is still flowing. Those 110 replies
 * must be read: Commons Net reads replies only when asked, so they wait in the control socket until
 * then, and {@code completePendingCommand()} would read the first 110 and report failure.
 * <pre>{@code
 * var tracker = new MarkReplyTracker(from);       // from: START or an earlier tracker's confirmed()
 * client.restartAt(from);                         // REST <the server's mmmm>, after PASV, before STOR
 * channel = FileChannel.open(local, READ); channel.position(from.offset());
 * OutputStream out = client.storeFileStream(remotePartial);       // PASV, [REST -> 350], STOR -> 150/125
 * Future<Integer> finalReply = controlReader.submit(() -> {        // one thread reading the control connection
 *     int code;
 *     do {
 *         code = client.getReply();               // one reply, of any category
 *         if (code == 110) tracker.accept(client.getReplyString());
 *     } while (code < 200);                       // 110/1yz are preliminary; 2yz/4yz/5yz ends the STOR
 *     return code;
 * });
 * try {
 *     new BlockModeStorage(markerInterval, listener, throttle).store(channel, from, out, tracker);
 * } finally {
 *     out.close();                                // the EOF block ended the file; closing is harmless
 * }
 * int code = finalReply.get(idleTimeout);         // 226 or 250: done; 4yz/5yz: failed
 * RestartPoint resumeAt = tracker.confirmed();    // after a failure: where the next attempt resumes
 * }</pre>
 * Reading the control connection on a second thread while the data flows keeps a server that writes
 * its 110 replies synchronously from stalling once the control socket's buffer fills (about one
 * 110 line per marker, so only huge files with small intervals would get there). A session that
 * prefers one thread may read the replies after {@code store} returns, in the same loop, collecting
 * every 110 before the final reply. Either way, no other command may be sent until the final reply
 * has been read. A transfer that fails mid-way still leaves the 110 replies that did arrive in the
 * socket: read them (or the 426/451 that follows) before deciding where to resume.</li>
 *
 * <li><b>Listings</b>: in block mode LIST, NLST and MLSD output arrives as blocks too. Either read
 * it through {@link org.filesync.ftp.block.BlockModeInputStream} (with Commons Net: subclass
 * {@code FTPClient}, open the data connection with {@code _openDataConnection_("MLSD", path)} and
 * parse the decoded lines with {@code MLSxEntryParser}), or send {@code MODE S} before the listing
 * and {@code MODE B} after it. Commons Net's {@code listFiles}/{@code mlistDir} must not be used
 * while the control connection is in block mode: they would parse the block headers as text.</li>
 * </ol>
 * Markers are printable ASCII without spaces (§3.4.2); a descriptor with unassigned bits or a
 * marker with other bytes makes the decoder throw {@link org.filesync.ftp.block.MalformedBlockStreamException},
 * which usually means a server that said 200 to {@code MODE B} but streams anyway: such a server
 * should be treated as one that refused MODE B.
 */
package org.filesync.ftp.block;
