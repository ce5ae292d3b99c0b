package kmapcheck.explorer.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One BFS level of states to expand: (state id, encoded state) entries, appended in BFS order and
 * read back in the same order. Entries are stored compactly (zig-zag varints, typically a few
 * bytes per word); beyond {@code memoryBytes} they are written to a temporary file, as TLC keeps
 * its queue on disk.
 */
final class Frontier implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    private final long memoryBytes;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] cur = new byte[CHUNK];
    private int curLen;
    private long bytes;
    private long entries;
    private Path spill;
    private DataOutputStream spillOut;

    Frontier(long memoryBytes) { this.memoryBytes = memoryBytes; }

    long size() { return entries; }

    /** Bytes held on the heap (the spilled part is on disk). */
    long heapBytes() { return (long) chunks.size() * CHUNK + cur.length; }

    boolean spilled() { return spill != null; }

    void add(int id, long[] key) {
        entries++;
        putVar(id);
        putVar(key.length);
        for (long x : key) putVar((x << 1) ^ (x >> 63));
    }

    private void putVar(long v) {
        while (true) {
            if (curLen == cur.length) flushChunk();
            if ((v & ~0x7FL) == 0) { cur[curLen++] = (byte) v; bytes++; return; }
            cur[curLen++] = (byte) ((v & 0x7F) | 0x80);
            bytes++;
            v >>>= 7;
        }
    }

    private void flushChunk() {
        if (spillOut == null && bytes > memoryBytes) {
            try {
                spill = Files.createTempFile("kmapcheck-frontier-", ".bin");
                spill.toFile().deleteOnExit();
                spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
                for (byte[] c : chunks) spillOut.write(c);
                chunks.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill the BFS frontier to disk", e);
            }
        }
        if (spillOut != null) {
            try {
                spillOut.write(cur, 0, curLen);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill the BFS frontier to disk", e);
            }
        } else {
            chunks.add(cur);
            cur = new byte[CHUNK];
        }
        curLen = 0;
    }

    /** A reader over every entry, in order. Call once, after the last {@link #add}. */
    Reader reader() {
        try {
            if (spillOut != null) {
                spillOut.write(cur, 0, curLen);
                spillOut.close();
                return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16)), entries);
            }
            List<byte[]> all = new ArrayList<>(chunks);
            byte[] last = java.util.Arrays.copyOf(cur, curLen);
            all.add(last);
            return new Reader(all, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BFS frontier back", e);
        }
    }

    @Override
    public void close() {
        chunks.clear();
        cur = new byte[0];
        if (spill != null) {
            try {
                if (spillOut != null) spillOut.close();
                Files.deleteIfExists(spill);
            } catch (IOException ignored) {
                // a temporary file: deleteOnExit is the fallback
            }
        }
    }

    /** Reads entries back in order. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private final List<byte[]> mem;
        private int chunk, at;
        private long left;
        int id;
        long[] key;

        Reader(DataInputStream in, long entries) { this.in = in; this.mem = null; this.left = entries; }

        Reader(List<byte[]> mem, long entries) { this.in = null; this.mem = mem; this.left = entries; }

        /** Advances to the next entry ({@link #id}, {@link #key}); false at the end. */
        boolean next() {
            if (left == 0) return false;
            left--;
            id = (int) getVar();
            int n = (int) getVar();
            key = new long[n];
            for (int i = 0; i < n; i++) {
                long z = getVar();
                key[i] = (z >>> 1) ^ -(z & 1);
            }
            return true;
        }

        private int getByte() {
            if (in != null) {
                try {
                    return in.readUnsignedByte();
                } catch (EOFException e) {
                    throw new IllegalStateException("BFS frontier file truncated");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            while (at == mem.get(chunk).length) { chunk++; at = 0; }
            return mem.get(chunk)[at++] & 0xFF;
        }

        private long getVar() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = getByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
        }

        @Override
        public void close() {
            if (in != null) {
                try { in.close(); } catch (IOException ignored) { /* read-only temp file */ }
            }
        }
    }
}
