package dev.ringload.cli;

import dev.ringload.engine.transport.SourceAddresses;
import picocli.CommandLine;

/** {@code --source}: addresses, ranges and prefixes (see {@link SourceAddresses#parse}). */
final class SourceAddressesConverter implements CommandLine.ITypeConverter<SourceAddresses> {

    @Override
    public SourceAddresses convert(String value) {
        try {
            return SourceAddresses.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("invalid --source: " + e.getMessage());
        }
    }
}
