package org.filesync.ftp;

/** Told how far a transfer has got, so the caller can persist it; called from the transferring thread. */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (bytes, confirmed) -> { };

    /**
     * @param bytesThisAttempt bytes moved over the wire since this attempt began
     * @param confirmed the furthest point a later attempt may restart from
     */
    void progress(long bytesThisAttempt, RestartPoint confirmed);
}
