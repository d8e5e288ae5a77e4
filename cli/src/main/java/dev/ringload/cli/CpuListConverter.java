package dev.ringload.cli;

import picocli.CommandLine;

import java.util.BitSet;
import java.util.stream.IntStream;

/** Parses CPU lists as taskset and the kernel write them: {@code 0-3,8,10-11}. */
final class CpuListConverter implements CommandLine.ITypeConverter<CpuListConverter.CpuList> {

    /** A parsed CPU list, in the order given, without duplicates. */
    record CpuList(int[] cpus) {
        CpuList {
            cpus = cpus.clone();
        }

        @Override
        public int[] cpus() {
            return cpus.clone();
        }
    }

    static int[] parse(String text) {
        IntStream.Builder cpus = IntStream.builder();
        // One bit per CPU already listed: searching the list for each CPU made --cpus 0-65535 quadratic. Ranges
        // walk only the CPUs not yet taken, so repeating a wide range costs little either.
        BitSet taken = new BitSet();
        try {
            for (String part : text.trim().split(",")) {
                String[] range = part.trim().split("-", -1);
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || from < 0 || to < from || to > 65535) {
                    throw new NumberFormatException();
                }
                for (int cpu = taken.nextClearBit(from); cpu <= to; cpu = taken.nextClearBit(cpu + 1)) {
                    taken.set(cpu);
                    cpus.add(cpu);
                }
            }
            if (taken.isEmpty()) {
                throw new NumberFormatException(); // "," or ",,": split drops empty trailing parts, leaving none
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a CPU list (examples: 0, 0-3, 0-3,8)");
        }
        return cpus.build().toArray();
    }

    @Override
    public CpuList convert(String value) {
        return new CpuList(parse(value));
    }
}
