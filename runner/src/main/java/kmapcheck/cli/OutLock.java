package kmapcheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per output folder: an OS file lock on {@code DIR/.lock}, held until the JVM
 * exits (the OS releases it even after a kill -9). A second run waits for the first and says so.
 */
final class OutLock {
    private static FileChannel channel;
    private static FileLock lock;

    private OutLock() {}

    static synchronized void acquire(Path outDir, PrintStream err) throws IOException {
        if (lock != null) return;
        Files.createDirectories(outDir);
        Path f = outDir.resolve(".lock");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l = ch.tryLock();
        if (l == null) {
            String holder = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).strip();
            err.println("kmapcheck: waiting for the run that holds " + f + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; use --out DIR to run beside it");
            l = ch.lock();
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel = ch;
        lock = l;
    }
}
