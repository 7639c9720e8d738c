package io.gillab.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The enumerated values of {@code gillab run}'s options, as enums: picocli refuses anything else and
 * shell completion offers them. Names are the command-line values.
 */
final class RunChoices {
    private RunChoices() {
    }

    /** --scaling. */
    enum Scaling { strong, weak }

    /** --one-thread-on. */
    enum OneThreadOn { worker, main }

    /** --mode; the same names as io.gillab.model.ExecutionMode.ALL (CompletionTest checks). */
    enum Mode { threads, processes, interpreters, contexts }

    /** A value that is none of the choices; the usage-error handler prints its message alone. */
    static final class Refused extends CommandLine.TypeConversionException {
        Refused(String message) {
            super(message);
        }
    }

    /** Converts by name, refusing anything else with "--OPTION must be a or b, got 'x'". */
    abstract static class Choice<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final String option;
        private final Class<E> type;

        Choice(String option, Class<E> type) {
            this.option = option;
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.strip())) {
                    return e;
                }
            }
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            String alternatives = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
            throw new Refused(option + " must be " + alternatives + ", got '" + value + "'");
        }
    }

    static final class ScalingChoice extends Choice<Scaling> {
        ScalingChoice() {
            super("--scaling", Scaling.class);
        }
    }

    static final class OneThreadOnChoice extends Choice<OneThreadOn> {
        OneThreadOnChoice() {
            super("--one-thread-on", OneThreadOn.class);
        }
    }

    static final class ModeChoice extends Choice<Mode> {
        ModeChoice() {
            super("--mode", Mode.class);
        }
    }
}
