package org.filesync.ftp;

/** A negative (or unexpected) reply from the server: its code and its text. */
public final class FtpReplyException extends FtpException {

    private final Reply reply;

    public FtpReplyException(String command, int code, String replyText) {
        this(command + ": " + code + " " + replyText.strip(), code, replyText, null);
    }

    /** With an explanation in front of the reply, e.g. "login refused (PASS: 530 Login incorrect.)". */
    public FtpReplyException(String explanation, String command, int code, String replyText, Throwable cause) {
        this(explanation + " (" + command + ": " + code + " " + replyText.strip() + ")", code, replyText, cause);
    }

    private FtpReplyException(String message, int code, String replyText, Throwable cause) {
        super(message, cause);
        this.reply = new Reply(code, replyText.strip());
    }

    public String replyText() {
        return reply.text();
    }

    /** 4yz replies are transient; 5yz are permanent. */
    @Override
    public boolean isTransient() {
        return reply.isTransientNegative();
    }

    /** 421: the server is closing the control connection. */
    @Override
    public boolean connectionLost() {
        return reply.code() == 421;
    }

    @Override
    public Integer replyCode() {
        return reply.code();
    }
}
