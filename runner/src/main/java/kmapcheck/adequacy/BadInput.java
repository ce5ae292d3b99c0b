package kmapcheck.adequacy;

/** Bad input to coverage/mutate (a broken or stale catalogue or explanation file): exit code 2. */
public final class BadInput extends RuntimeException {
    public BadInput(String message) { super(message); }
}
