package dev.ringload.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

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
        List<Integer> cpus = new ArrayList<>();
        try {
            for (String part : text.trim().split(",")) {
                String[] range = part.trim().split("-", -1);
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || from < 0 || to < from || to > 65535) {
                    throw new NumberFormatException();
                }
                for (int cpu = from; cpu <= to; cpu++) {
                    if (!cpus.contains(cpu)) {
                        cpus.add(cpu);
                    }
                }
            }
            if (cpus.isEmpty()) {
                throw new NumberFormatException(); // "," or ",,": split drops empty trailing parts, leaving none
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a CPU list (examples: 0, 0-3, 0-3,8)");
        }
        return cpus.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public CpuList convert(String value) {
        return new CpuList(parse(value));
    }
}
