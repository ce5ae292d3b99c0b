package kmapcheck.explorer.search;

/**
 * 64-bit fingerprints of encoded states (TLC keeps the same: a state is stored only as its
 * fingerprint). Two different states collide with probability about 2^-64 per pair; the search
 * reports TLC's optimistic estimate for a whole run, {@link #collisionProbability}.
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static long of(long[] k) {
        long h = 0x9E3779B97F4A7C15L ^ k.length;
        for (long x : k) {
            h ^= mix(x + 0x632BE59BD9B4E019L);
            h = Long.rotateLeft(h, 27) * 0x9FB21C651E98DF25L + 0x52DCE729L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /**
     * TLC's optimistic estimate of the probability that some fingerprint collided: n distinct
     * states among g generated ones, P = n * (g - n) / 2^64.
     */
    public static double collisionProbability(long distinct, long generated) {
        return (double) distinct * Math.max(0, generated - distinct) / Math.pow(2, 64);
    }
}
