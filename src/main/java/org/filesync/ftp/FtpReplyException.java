package org.filesync.ftp;

/** A negative (or unexpected) reply from the server: its code and its text. */
public final class FtpReplyException extends FtpException {

    private final ReplyCode code;
    private final int rawCode;
    private final String replyText;

    public FtpReplyException(String command, int rawCode, String replyText) {
        this(command + ": " + rawCode + " " + replyText.strip(), rawCode, replyText, null);
    }

    /** With an explanation in front of the reply, e.g. "login refused (PASS: 530 Login incorrect.)". */
    public FtpReplyException(String explanation, String command, int rawCode, String replyText, Throwable cause) {
        this(explanation + " (" + command + ": " + rawCode + " " + replyText.strip() + ")", rawCode, replyText, cause);
    }

    private FtpReplyException(String message, int rawCode, String replyText, Throwable cause) {
        super(message, cause);
        this.rawCode = rawCode;
        this.code = ReplyCode.of(rawCode).orElse(null);
        this.replyText = replyText.strip();
    }

    /** The RFC 959 code, or null for a code outside the RFC (the raw number is still in {@link #replyCode()}). */
    public ReplyCode code() {
        return code;
    }

    public String replyText() {
        return replyText;
    }

    /** 4yz replies are transient; 5yz are permanent. */
    @Override
    public boolean isTransient() {
        return ReplyCode.categoryOf(rawCode) == ReplyCode.Category.TRANSIENT_NEGATIVE;
    }

    /** 421: the server is closing the control connection. */
    @Override
    public boolean connectionLost() {
        return rawCode == 421;
    }

    @Override
    public Integer replyCode() {
        return rawCode;
    }
}
