package kmapcheck.vmpage;

import java.util.function.Function;

/** The lookup the vm_page variant enums share: a variant by its spec name or its Java name, any case. */
public final class SpecVariants {
    private SpecVariants() {}

    /** The value whose spec name or enum name is {@code s} (ignoring case), or null. */
    public static <E extends Enum<E>> E find(E[] values, Function<E, String> specName, String s) {
        for (E v : values) if (specName.apply(v).equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) return v;
        return null;
    }
}
