package kmapcheck.explorer;

import kmapcheck.machine.Ctx;

import java.util.function.Consumer;

/**
 * A generator of environment choices (JPF's ChoiceGenerator for events no thread makes): at every
 * state it offers each enabled event as its own transition. The core supplies TLB fills and
 * evictions, shootdown-IPI acknowledgements, migrations and signals; a program adds the hardware
 * the core does not model (cache write-backs and evictions, WC-buffer drains, speculative line
 * fills) through {@link Program#environment()}.
 */
public interface Environment {
    /** Offers every event enabled in state {@code v}. */
    void events(View v, Events out);

    /** Where a generator puts its events. */
    interface Events {
        /**
         * One event.
         *
         * @param cpu         the CPU whose hardware acts (or -1)
         * @param label       the event's name for the spec mapping (e.g. "evict")
         * @param args        its arguments, for the spec mapping and traces (e.g. CPU, page)
         * @param description the trace line
         * @param obligated   liveness may rely on it happening (weak fairness), e.g. a WC drain
         * @param effect      runs the event on a context that executes immediately on this CPU
         */
        void add(int cpu, String label, long[] args, String description, boolean obligated, Consumer<Ctx> effect);
    }
}
