package org.filesync.ftp;

import java.util.regex.Pattern;

/** A negative (or unexpected) reply from the server: its code and its text. */
public final class FtpReplyException extends FtpException {

    /**
     * How servers word their connection limits: vsftpd (max_per_ip, max_clients) and pyftpdlib say
     * "421 ... too many connections/connected users", pure-ftpd "421 Too many connections", ProFTPD
     * "530 Sorry, the maximum number of clients (2) from your host are already connected".
     */
    private static final Pattern CONNECTION_LIMIT = Pattern.compile(
            "(?i).*(too many (connections|connected|users|clients|sessions)"
                    + "|maximum number of (connections|clients|users|sessions)).*", Pattern.DOTALL);

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

    /** 421 or 530 whose text says the server has too many connections. */
    @Override
    public boolean isConnectionLimit() {
        return (reply.code() == 421 || reply.code() == 530) && CONNECTION_LIMIT.matcher(reply.text()).matches();
    }
}
