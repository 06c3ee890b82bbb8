package org.filesync.ftp.block;

import org.filesync.ftp.RestartPoint;

/**
 * How one block-mode RETR or STOR attempt went on the data connection.
 *
 * @param bytesTransferred data bytes of the file moved by this attempt (headers and markers not counted)
 * @param confirmed the furthest point a later attempt may restart from: the last marker seen (RETR)
 *        or confirmed by a 110 reply so far (STOR), else the point this attempt started at
 */
public record BlockTransfer(long bytesTransferred, RestartPoint confirmed) {
}
