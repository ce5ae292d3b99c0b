package kmapcheck.explorer;

import java.util.function.Function;

/** Kernel enums by the names scenario files and models give them (the kernel classes hold no parsing). */
public final class EnumNames {
    private EnumNames() {}

    /** The value whose name is {@code s} ignoring case and underscores, or null. */
    public static <E extends Enum<E>> E loose(E[] values, String s) {
        for (E v : values) if (v.name().replace("_", "").equalsIgnoreCase(s.replace("_", ""))) return v;
        return null;
    }

    /** The value whose spec name or enum name is {@code s} ignoring case, or null (the vm_page variants). */
    public static <E extends Enum<E>> E bySpecName(E[] values, Function<E, String> specName, String s) {
        for (E v : values) if (specName.apply(v).equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) return v;
        return null;
    }
}
