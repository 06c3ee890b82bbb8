package org.filesync.ftp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reply codes of RFC 959 §4.2, each with its meaning. Classification comes from the digits:
 * the first says whether the reply is good, bad or incomplete, the second what it is about.
 */
public enum ReplyCode {
    RESTART_MARKER(110, "Restart marker reply"),
    SERVICE_READY_IN(120, "Service ready in nnn minutes"),
    DATA_CONNECTION_ALREADY_OPEN(125, "Data connection already open; transfer starting"),
    FILE_STATUS_OK(150, "File status okay; about to open data connection"),
    COMMAND_OK(200, "Command okay"),
    COMMAND_SUPERFLUOUS(202, "Command not implemented, superfluous at this site"),
    SYSTEM_STATUS(211, "System status, or system help reply"),
    DIRECTORY_STATUS(212, "Directory status"),
    FILE_STATUS(213, "File status"),
    HELP_MESSAGE(214, "Help message"),
    NAME_SYSTEM_TYPE(215, "NAME system type"),
    SERVICE_READY(220, "Service ready for new user"),
    SERVICE_CLOSING(221, "Service closing control connection"),
    DATA_CONNECTION_OPEN(225, "Data connection open; no transfer in progress"),
    CLOSING_DATA_CONNECTION(226, "Closing data connection; requested file action successful"),
    ENTERING_PASSIVE_MODE(227, "Entering Passive Mode (h1,h2,h3,h4,p1,p2)"),
    USER_LOGGED_IN(230, "User logged in, proceed"),
    FILE_ACTION_OK(250, "Requested file action okay, completed"),
    PATHNAME_CREATED(257, "\"PATHNAME\" created"),
    NEED_PASSWORD(331, "User name okay, need password"),
    NEED_ACCOUNT(332, "Need account for login"),
    FILE_ACTION_PENDING(350, "Requested file action pending further information"),
    SERVICE_NOT_AVAILABLE(421, "Service not available, closing control connection"),
    CANNOT_OPEN_DATA_CONNECTION(425, "Can't open data connection"),
    TRANSFER_ABORTED(426, "Connection closed; transfer aborted"),
    FILE_UNAVAILABLE_BUSY(450, "Requested file action not taken; file unavailable (e.g. busy)"),
    LOCAL_ERROR(451, "Requested action aborted: local error in processing"),
    INSUFFICIENT_STORAGE(452, "Requested action not taken; insufficient storage space in system"),
    SYNTAX_ERROR(500, "Syntax error, command unrecognized"),
    SYNTAX_ERROR_IN_ARGUMENTS(501, "Syntax error in parameters or arguments"),
    COMMAND_NOT_IMPLEMENTED(502, "Command not implemented"),
    BAD_SEQUENCE(503, "Bad sequence of commands"),
    PARAMETER_NOT_IMPLEMENTED(504, "Command not implemented for that parameter"),
    NOT_LOGGED_IN(530, "Not logged in"),
    NEED_ACCOUNT_FOR_STORING(532, "Need account for storing files"),
    FILE_UNAVAILABLE(550, "Requested action not taken; file unavailable (e.g. not found, no access)"),
    PAGE_TYPE_UNKNOWN(551, "Requested action aborted: page type unknown"),
    EXCEEDED_STORAGE(552, "Requested file action aborted; exceeded storage allocation"),
    FILE_NAME_NOT_ALLOWED(553, "Requested action not taken; file name not allowed");

    /** The first digit. */
    public enum Category {
        POSITIVE_PRELIMINARY, POSITIVE_COMPLETION, POSITIVE_INTERMEDIATE, TRANSIENT_NEGATIVE, PERMANENT_NEGATIVE, INVALID
    }

    /** The second digit. */
    public enum Function {
        SYNTAX, INFORMATION, CONNECTIONS, AUTHENTICATION, UNSPECIFIED, FILE_SYSTEM, INVALID
    }

    private static final Map<Integer, ReplyCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ReplyCode::code, java.util.function.Function.identity()));

    private final int code;
    private final String meaning;

    ReplyCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public static Optional<ReplyCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public Category category() {
        return categoryOf(code);
    }

    public Function function() {
        return functionOf(code);
    }

    public boolean isTransient() {
        return category() == Category.TRANSIENT_NEGATIVE;
    }

    public static Category categoryOf(int code) {
        if (code < 100 || code > 599) {
            return Category.INVALID;
        }
        return Category.values()[code / 100 - 1];
    }

    public static Function functionOf(int code) {
        int second = code / 10 % 10;
        return code < 100 || code > 599 || second > 5 ? Function.INVALID : Function.values()[second];
    }
}
